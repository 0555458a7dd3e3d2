import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export const palette = ['#1f4e79', '#5b9bd5', '#2e8b57', '#b7791f', '#8e44ad', '#c0392b'];

/** Rates (0..1) as percent bars, one group per row; nulls show as gaps. */
export function RateBars(props: { data: ReadonlyArray<object>; x: string; bars: Array<{ key: string; name: string }>; label: string; height?: number }) {
  const { data, x, bars, label, height } = props;
  const rows = data.map((row) => {
    const d = row as Record<string, unknown>;
    const r: Record<string, unknown> = { [x]: d[x] };
    for (const b of bars) r[b.key] = typeof d[b.key] === 'number' ? Math.round((d[b.key] as number) * 1000) / 10 : null;
    return r;
  });
  return (
    <div className="chart" style={height ? { height } : undefined} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e8ecf1" vertical={false} />
          <XAxis dataKey={x} tick={{ fontSize: 11 }} interval={0} />
          <YAxis tick={{ fontSize: 11 }} unit="%" allowDecimals={false} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v}%` : '–')} />
          {bars.length > 1 ? <Legend /> : null}
          {bars.map((b, i) => (
            <Bar key={b.key} dataKey={b.key} name={b.name} fill={palette[i % palette.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Plain counts as bars. */
export function CountBars(props: { data: ReadonlyArray<object>; x: string; bars: Array<{ key: string; name: string }>; label: string; stacked?: boolean }) {
  const { data, x, bars, label, stacked } = props;
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data as Array<Record<string, unknown>>} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e8ecf1" vertical={false} />
          <XAxis dataKey={x} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
          <Tooltip />
          <Legend />
          {bars.map((b, i) => (
            <Bar key={b.key} dataKey={b.key} name={b.name} fill={palette[i % palette.length]} stackId={stacked ? 's' : undefined} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
