/** One read row as a Kpi: its labels, its year cells and what the city wrote beside them. */
import type { DeclaredDirection, Kpi, PublishedVerdict } from '../types';
import type { LabelReader } from './labels';
import type { YearCells } from './year-cells';

export interface RowFacts {
  readonly row: number;
  readonly role: Kpi['role'];
  readonly name: string;
  readonly framework: string;
  readonly measure: string;
  readonly department: string;
  readonly values: YearCells;
  readonly direction: Kpi['directionChoice'];
  readonly declared?: DeclaredDirection | null;
  readonly published?: readonly PublishedVerdict[];
  readonly notes: readonly string[];
}

export function kpiOf(labels: LabelReader, facts: RowFacts): Kpi {
  const { row, values } = facts;
  const kpi: Kpi = {
    id: `R${row}`,
    role: facts.role,
    row,
    name: facts.name,
    framework: facts.framework,
    measure: facts.measure,
    period: labels.periodOf(facts.name),
    department: facts.department,
    unit: values.unit,
    baseline: values.baseline,
    actuals: values.actuals,
    target: values.target,
    directionChoice: facts.direction,
    notes: facts.notes.length === 0 ? values.notes : [...facts.notes, ...values.notes],
  };
  // Most rows have none of these: the plain object above is built without spreading empty ones in.
  if (
    values.interimTargets.length === 0 &&
    values.forecasts.length === 0 &&
    !facts.declared &&
    !(facts.published && facts.published.length > 0)
  )
    return kpi;
  return {
    ...kpi,
    ...(values.interimTargets.length > 0 ? { interimTargets: values.interimTargets } : {}),
    ...(values.forecasts.length > 0 ? { forecasts: values.forecasts } : {}),
    ...(facts.declared ? { declaredDirection: facts.declared } : {}),
    ...(facts.published && facts.published.length > 0 ? { published: facts.published } : {}),
  };
}
