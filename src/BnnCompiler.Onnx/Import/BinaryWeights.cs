namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Decides whether a weight matrix is binary: every output channel's weights share one nonzero magnitude
/// α_n (±α_n), as stored by exporters that fold XNOR-Net scaling into the weights. Factors α back out.
/// </summary>
internal static class BinaryWeights
{
    /// <param name="weights">[N, K] row-major.</param>
    /// <param name="signs">+1/−1 per weight.</param>
    /// <param name="alpha">per-channel magnitude, or null when every magnitude is exactly 1.</param>
    public static bool TryFactor(float[] weights, int columns, int rows, out sbyte[] signs, out float[]? alpha)
    {
        signs = new sbyte[weights.Length];
        var magnitudes = new float[columns];
        for (var n = 0; n < columns; n++)
        {
            var m = MathF.Abs(weights[n * rows]);
            if (m == 0 || !float.IsFinite(m))
            {
                alpha = null;
                return false;
            }

            for (var k = 0; k < rows; k++)
            {
                var w = weights[(n * rows) + k];
                if (MathF.Abs(w) != m)
                {
                    alpha = null;
                    return false;
                }

                signs[(n * rows) + k] = w > 0 ? (sbyte)1 : (sbyte)-1;
            }

            magnitudes[n] = m;
        }

        alpha = magnitudes.All(m => m == 1f) ? null : magnitudes;
        return true;
    }
}
