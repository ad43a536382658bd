namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// Clock cycles one image spends in one layer's pipeline stage, by component. The parts run one after another
/// within the stage (NeuroSim's convention), so the stage takes their sum.
/// </summary>
public sealed record LayerTiming(
    string Layer,
    long CrossbarCycles,
    long AdcCycles,
    long AccumulationCycles,
    long BufferCycles,
    long InterconnectCycles,
    long OtherCycles)
{
    public long TotalCycles => CrossbarCycles + AdcCycles + AccumulationCycles + BufferCycles + InterconnectCycles + OtherCycles;
}
