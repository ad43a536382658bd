using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx.Checking;
using BnnCompiler.Onnx.Import;
using BnnCompiler.Passes;
using BnnCompiler.Passes.Recognition;

namespace BnnCompiler.Onnx;

/// <summary>The front end: load and check an ONNX file, translate it to IR, and recognise its binarized layers.</summary>
public static class OnnxFrontend
{
    /// <param name="path">The ONNX file.</param>
    /// <param name="limits">The checker's caps; null for the defaults.</param>
    /// <param name="afterPass">Called after every recognition pass (dumps, tests).</param>
    /// <param name="inputScale">
    /// The divisor of the image input (the model receives pixel / scale), set before the passes fold thresholds; null
    /// keeps the model's own (see <see cref="Core.Analysis.EncodingAnalysis.InputScale"/>).
    /// </param>
    /// <param name="checks">The checks after every pass; null for the build's default (the verifier in Debug builds).</param>
    public static ImportedModel Load(string path, ModelLimits? limits = null, Action<IIrPass, IrGraph>? afterPass = null, float? inputScale = null,
        PassChecks? checks = null)
    {
        limits ??= ModelLimits.Default;
        var model = OnnxModelLoader.Load(path, limits);
        return Import(model, path, limits, afterPass, inputScale, checks);
    }

    /// <summary>Imports from bytes already in memory (tests, generated models).</summary>
    public static ImportedModel FromBytes(byte[] bytes, string name, ModelLimits? limits = null, float? inputScale = null, PassChecks? checks = null)
    {
        limits ??= ModelLimits.Default;
        return Import(OnnxModelLoader.Parse(bytes, name, limits), name, limits, null, inputScale, checks);
    }

    private static ImportedModel Import(global::Onnx.ModelProto model, string path, ModelLimits limits, Action<IIrPass, IrGraph>? afterPass,
        float? inputScale, PassChecks? checks)
    {
        var graph = OnnxImporter.Import(model, path, limits, out var shapes, out var warnings);
        SetInputScale(graph, inputScale);
        var passRuns = RecognitionPipeline.Create(afterPass, checks).Run(graph, path);
        return new ImportedModel(path, model, graph, DialectDetector.Detect(model), shapes) { Warnings = warnings, PassRuns = passRuns };
    }

    private static void SetInputScale(IrGraph graph, float? inputScale)
    {
        if (inputScale is { } scale)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale, nameof(inputScale));
            graph.SetMetadata(Core.Analysis.EncodingAnalysis.InputScaleKey, scale.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
