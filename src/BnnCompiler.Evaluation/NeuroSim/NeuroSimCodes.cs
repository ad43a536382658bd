namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>Diagnostic codes of the NeuroSim export and comparison (BNN8xxx); docs/neurosim.md explains each.</summary>
public static class NeuroSimCodes
{
    /// <summary>A mapped layer NeuroSim V1.3's network file cannot express (dilation, unequal strides or kernels that NeuroSim reads as square).</summary>
    public const string LayerNotExpressible = "BNN8001";

    /// <summary>The image index given to the export is outside the data set.</summary>
    public const string ImageOutOfRange = "BNN8002";

    /// <summary>A file given as NeuroSim's printout is not a finished NeuroSim V1.3 pipeline run.</summary>
    public const string NotAPrintout = "BNN8003";

    /// <summary>The NeuroSim-compatible accounting was asked for a network NeuroSim V1.3 refuses (widest layer narrower than 4 subarrays).</summary>
    public const string NetworkRefused = "BNN8004";

    /// <summary>Warning: the NeuroSim-compatible accounting prices a spec other than the configuration its circuit figures were evaluated at.</summary>
    public const string FiguresOutsideTheirConfiguration = "BNN8005";
}
