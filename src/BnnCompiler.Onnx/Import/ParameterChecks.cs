using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Onnx.Checking;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Sanity of the numbers a model computes with: weights, constants and folded parameters must be finite, a
/// BatchNormalization variance must not be negative (errors naming the tensor and index), and a
/// BatchNormalization scale of 0 (a channel whose output is constant) is a warning naming the channel.
/// </summary>
internal static class ParameterChecks
{
    /// <summary>An initializer's values: NaN or ±Inf is BNN3026 naming the tensor and the first such index.</summary>
    public static void RequireFinite(string fileName, string tensor, float[] values)
    {
        if (FirstNonFinite(values) is { } i)
        {
            throw new DiagnosticException(Diagnostic.Error(CheckCodes.Parameter,
                $"tensor '{tensor}' holds {Describe(values[i])} at index {i} (of {values.Length:N0} values); weights and parameters must be finite",
                new SourceLocation(fileName, Detail: $"initializer '{tensor}'")));
        }
    }

    /// <summary>A constant the importer computed (a Constant node, a folded subgraph): it must be finite too.</summary>
    public static void RequireFinite(ImportContext ctx, string tensor, float[] values)
    {
        if (FirstNonFinite(values) is { } i)
        {
            throw ctx.Error(CheckCodes.Parameter,
                $"the constant '{tensor}' holds {Describe(values[i])} at index {i} (of {values.Length:N0} values); weights and parameters must be finite");
        }
    }

    /// <summary>BatchNormalization: variance ≥ 0 (error) and γ ≠ 0 (warning per channel).</summary>
    public static void BatchNorm(ImportContext ctx, float[] gamma, float[] variance, float epsilon)
    {
        if (!float.IsFinite(epsilon) || epsilon < 0)
        {
            throw ctx.Error(CheckCodes.Parameter, $"epsilon is {epsilon}; it must be finite and not negative");
        }

        var negative = Array.FindIndex(variance, v => v < 0);
        if (negative >= 0)
        {
            throw ctx.Error(CheckCodes.Parameter,
                $"the variance '{ctx.Node.Input[4]}' is {variance[negative]} at index {negative}; a variance must not be negative");
        }

        var zero = Array.FindIndex(variance, v => v + epsilon == 0);
        if (zero >= 0)
        {
            throw ctx.Error(CheckCodes.Parameter,
                $"the variance '{ctx.Node.Input[4]}' plus epsilon is 0 at index {zero}; the normalisation would divide by zero");
        }

        var zeros = Enumerable.Range(0, gamma.Length).Where(c => gamma[c] == 0).ToList();
        if (zeros.Count > 0)
        {
            var listed = string.Join(", ", zeros.Take(10)) + (zeros.Count > 10 ? $" and {zeros.Count - 10} more" : string.Empty);
            ctx.Warn(CheckCodes.ZeroScale,
                $"{(zeros.Count == 1 ? "channel" : "channels")} {listed} {(zeros.Count == 1 ? "has" : "have")} scale 0 in '{ctx.Node.Input[1]}': the output there is the constant bias, whatever the input");
        }
    }

    private static int? FirstNonFinite(float[] values)
    {
        var i = Array.FindIndex(values, v => !float.IsFinite(v));
        return i >= 0 ? i : null;
    }

    private static string Describe(float v) => float.IsNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
}
