namespace BnnCompiler.Circuits.Activity;

/// <summary>The report bucket an action's energy (or a component's area) is charged to.</summary>
public enum Bucket
{
    Crossbar,
    Adc,
    Accumulation,
    Interconnect,
    Buffer,
    Other,
}
