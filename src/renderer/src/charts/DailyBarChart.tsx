import { useOfficeFormat } from '../format/use-office-format';
import { BarChart, type BarChartProps } from './BarChart';

export interface DailyBarChartProps extends Omit<BarChartProps, 'labels'> {
  /** Office days (YYYY-MM-DD), oldest first, one per value of each series. */
  days: string[];
}

/** Figures per office day as bars: the days named in the office's calendar and digits (never the computer's zone). */
export function DailyBarChart({ days, ...chart }: DailyBarChartProps) {
  const { formatDay } = useOfficeFormat();
  return <BarChart labels={days.map((day) => formatDay(day))} {...chart} />;
}
