namespace BnnCompiler.Simulator.Timing;

/// <summary>The buckets of the cost model's <c>LayerTiming</c> that stage cycles are split into.</summary>
public enum TimingComponent
{
    Crossbar,
    Adc,
    Accumulation,
    Buffer,
    Interconnect,
    Other,
}
