namespace BnnCompiler.Hardware;

public enum WeightMappingMode
{
    /// <summary>Two cells per ±1 weight (w and its complement), both read in the same cycle (NeuroSim "XNOR parallel").</summary>
    TwoCellsParallel,

    /// <summary>Two cells per ±1 weight, read in two cycles one after the other (NeuroSim "XNOR sequential").</summary>
    TwoCellsSequential,

    /// <summary>One cell per weight; a mid-conductance reference column is subtracted from every column.</summary>
    OneCellReference,
}
