namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// The passes that turn an imported graph into canonical binarized layers, in order:
/// comparisons become thresholds before Where/Cast patterns can be matched on them; output affines fold
/// into those thresholds before the chains from binary layers are folded into integer thresholds.
/// </summary>
public static class RecognitionPipeline
{
    public static IReadOnlyList<IIrPass> Passes { get; } =
    [
        new ComparisonToThreshold(),   // x ≥ c  →  threshold (0/1)
        new SelectToThreshold(),       // Where(threshold, a, b), Cast(threshold), Sign(Sign(x)+c)  →  threshold
        new FoldThresholdOutputAffine(), // threshold · k + b  →  threshold with scaled output
        new FoldIntoIntegerThresholds(), // binary layer → BN/affine → binarizer  →  binary layer → integer threshold
    ];

    public static PassManager Create(Action<IIrPass, Core.Ir.IrGraph>? afterPass = null, PassChecks? checks = null) =>
        new(Passes, afterPass, checks);
}
