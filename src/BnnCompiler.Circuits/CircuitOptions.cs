namespace BnnCompiler.Circuits;

/// <summary>Cost-model settings that the hardware spec does not carry.</summary>
public sealed record CircuitOptions
{
    /// <summary>Write (SET/RESET) voltage of the NVM cell in V; above 1.5 V every row and column gets a level
    /// shifter. 2 V is NeuroSim's default and typical of HfOx RRAM (H.-S. P. Wong et al., Proc. IEEE 2012).</summary>
    public double WriteVoltageV { get; init; } = 2.0;

    public static CircuitOptions Default { get; } = new();
}
