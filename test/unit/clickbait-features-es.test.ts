import { describe, expect, it } from 'vitest';
import type { CueId } from '../../utils/clickbait/features.ts';
import { extractCuesEs } from '../../utils/clickbait/features-es.ts';

function cue(teaser: string, id: CueId): string[] {
  return extractCuesEs(teaser).find((match) => match.id === id)?.matches ?? [];
}

describe('Spanish cue extractors', () => {
  it('finds accented interrogatives, not the relative pronouns', () => {
    expect(cue('Brecha digital en el Perú: cómo vamos y qué nos falta', 'interrogative')).toEqual(['cómo', 'qué']);
    expect(cue('El ministro dijo que como presidente no firmará', 'interrogative')).toEqual([]);
  });

  it('finds entities described instead of named', () => {
    expect(cue('COVID-19 en Uruguay: los tres departamentos que están en zona roja', 'unnamedSubject')).toEqual([
      'los tres departamentos que',
    ]);
    expect(cue('Cae uno de los sicarios más buscados de Rosario', 'unnamedSubject')).toEqual([]);
  });

  it('finds a kind of thing withheld and an effect without its cause', () => {
    expect(
      cue('El gran premio: la frase de Carina Zampini que hizo llorar a una participante', 'withheldThing'),
    ).toEqual(['la frase de']);
    expect(
      cue('El gran premio: la frase de Carina Zampini que hizo llorar a una participante', 'effectClause'),
    ).toEqual(['que hizo']);
    expect(cue('El Senado aprueba la ley de presupuesto', 'withheldThing')).toEqual([]);
  });

  it('finds a judgement placed before the noun', () => {
    expect(cue('El cariñoso saludo de Antonela Roccuzzo a Lionel Messi', 'evaluativeLead')).toEqual([
      'El cariñoso saludo',
    ]);
    expect(cue('El presidente anuncia nuevas medidas para la economía', 'evaluativeLead')).toEqual([]);
  });

  it('finds forward references and counts of unnamed things', () => {
    expect(cue('Coronavirus en México: este es el único estado con más ocupación', 'forwardReference')).toEqual([
      'este es',
    ]);
    expect(cue('Así sería internet sin el código escrito por mujeres', 'forwardReference')).toEqual(['Así sería']);
    expect(cue('Arrancan los playoffs: cinco virtudes y cinco defectos de la burbuja', 'countOpening')).toEqual([
      'cinco virtudes',
    ]);
    expect(cue('Atlético de San Luis anuncia cinco casos de coronavirus', 'countOpening')).toEqual([]);
  });

  it('reads questions, "tú" and superlatives outside quotations only', () => {
    expect(cue('¿Quién ganó el torneo de ajedrez del barrio?', 'question')).toEqual([
      'Quién ganó el torneo de ajedrez del barrio?',
    ]);
    expect(cue('"Si tú quieres, se puede", dijo el técnico', 'secondPerson')).toEqual([]);
    expect(cue('Si tú quieres, este plan te sirve', 'secondPerson')).toEqual(['tú', 'quieres', 'te']);
    expect(cue('El alcalde, sobre las obras: "¿Quién paga esto?"', 'question')).toEqual([]);
    expect(cue('El alcalde, sobre las obras: "¿Quién paga esto?"', 'interrogative')).toEqual([]);
    expect(cue('"Es la mejor cosecha de la historia", dijo el productor', 'superlative')).toEqual([]);
    expect(cue('La mejor cosecha de la historia en el valle', 'superlative')).toEqual(['La mejor', 'de la historia']);
  });

  it('finds a teaser that opens on a subject it does not name', () => {
    expect(cue('El hábito nocturno que alarga la vida, según un estudio', 'vagueSubject')).toEqual([
      'El hábito nocturno que',
    ]);
    expect(cue('La pregunta de Marta Gil que sorprendió al jurado', 'vagueSubject')).toEqual([
      'La pregunta de Marta Gil que',
    ]);
    expect(cue('Este truco de cocina ahorra media hora', 'vagueSubject')).toEqual(['Este truco']);
    expect(cue('Este lunes abre la biblioteca del barrio', 'vagueSubject')).toEqual([]);
    expect(cue('El Senado aprueba la ley que reforma el transporte', 'vagueSubject')).toEqual([]);
    expect(cue('Obras en la plaza. El proyecto que presentó el municipio', 'vagueSubject')).toEqual([]);
  });

  it('finds a withheld reason, mystery or secret', () => {
    expect(cue('La razón por la que los gatos duermen tanto', 'mystery')).toEqual(['La razón por']);
    expect(cue('Una cantante fingió su retiro y nadie vio lo que pasó después', 'mystery')).toEqual([
      'lo que pasó después',
    ]);
    expect(cue('Descubre el pueblo más antiguo del país', 'mystery')).toEqual(['Descubre']);
    expect(cue('La causa penal contra el exministro avanza en el juzgado', 'mystery')).toEqual([]);
    expect(cue('Los descubrimientos del equipo de arqueólogos', 'mystery')).toEqual([]);
  });

  it('finds a teaser that opens on "lo que"', () => {
    expect(cue('Lo que un viajero debe llevar en la maleta', 'whatOpening')).toEqual(['Lo que']);
    expect(cue('Elecciones 2021: todo lo que hay que saber', 'whatOpening')).toEqual(['todo lo que']);
    expect(cue('El ministro confirmó lo que anunció el lunes', 'whatOpening')).toEqual([]);
  });

  it('finds an ellipsis that trails off', () => {
    expect(cue('Tenía todo listo para la boda, pero…', 'ellipsis')).toEqual(['…']);
    expect(cue('Goles, tarjetas, polémica... una noche agitada', 'ellipsis')).toEqual(['…']);
    expect(cue('El Congreso aprobó la reforma. El texto pasa al Senado.', 'ellipsis')).toEqual([]);
  });

  it('reads "esto" as a whole word and counts that open the teaser after an article', () => {
    expect(cue('Estocolmo estrena su tranvía nocturno', 'forwardReference')).toEqual([]);
    expect(cue('Estoy bien, dijo el piloto tras el accidente', 'forwardReference')).toEqual([]);
    expect(cue('Esto es lo que cuesta viajar en verano', 'forwardReference')).toEqual(['Esto es']);
    expect(cue('Los 10 pueblos que más crecieron en la década', 'countOpening')).toEqual(['Los 10 pueblos']);
    expect(cue('Los 33 mineros fueron rescatados con vida', 'countOpening')).toEqual(['Los 33 mineros']);
    expect(cue('Las 48 horas más tensas del gobierno', 'countOpening')).toEqual([]);
  });

  it('finds the reader addressed with "vos" forms', () => {
    expect(cue('Todo lo que tenés que saber antes de viajar', 'secondPerson')).toEqual(['tenés']);
    expect(cue('El Gobierno tiene que decidir antes del viernes', 'secondPerson')).toEqual([]);
  });
});
