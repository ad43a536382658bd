using System.Numerics;
using System.Runtime.Intrinsics;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>
/// Matrix-vector layers on one sample. Binary layers compute their dot products exactly: bipolar inputs
/// on bit-packed words (dot = valid − 2·popcount(valid ∧ (x ⊕ w))), other inputs with 64-bit integer or
/// double accumulation. Outputs are laid out [N, pixels] (NCHW).
/// </summary>
public static class LinearKernels
{
    /// <summary>Packs weight signs [N, K] into words: bit k of row n is 1 for +1.</summary>
    public static ulong[] PackSigns(sbyte[] signs, int columns, int rows)
    {
        var words = (rows + 63) / 64;
        var packed = new ulong[columns * words];
        for (var n = 0; n < columns; n++)
        {
            for (var k = 0; k < rows; k++)
            {
                if (signs[(n * rows) + k] > 0)
                {
                    packed[(n * words) + (k >> 6)] |= 1UL << (k & 63);
                }
            }
        }

        return packed;
    }

    /// <summary>Σ_k W[n,k]·x[k] for inputs that are all ±1, on packed bits.</summary>
    public static void BipolarDot(ReadOnlySpan<float> input, Im2Col im2col, ulong[] packedSigns, int columns, float[] output)
    {
        var rows = im2col.Rows;
        var words = (rows + 63) / 64;
        Span<ulong> bits = stackalloc ulong[words];
        Span<ulong> valid = stackalloc ulong[words];
        for (var p = 0; p < im2col.Pixels; p++)
        {
            bits.Clear();
            valid.Clear();
            var row = im2col.Row(p);
            var validCount = 0;
            for (var k = 0; k < rows; k++)
            {
                var index = row[k];
                if (index < 0)
                {
                    continue;
                }

                validCount++;
                valid[k >> 6] |= 1UL << (k & 63);
                if (input[index] > 0)
                {
                    bits[k >> 6] |= 1UL << (k & 63);
                }
            }

            for (var n = 0; n < columns; n++)
            {
                var w = packedSigns.AsSpan(n * words, words);
                var mismatches = 0;
                for (var i = 0; i < words; i++)
                {
                    mismatches += BitOperations.PopCount(valid[i] & (bits[i] ^ w[i]));
                }

                output[(n * im2col.Pixels) + p] = validCount - (2 * mismatches);
            }
        }
    }

    /// <summary>Σ_k W[n,k]·x[k] with ±1 weights for any inputs, accumulated in double (exact for integers).</summary>
    public static void SignedDot(ReadOnlySpan<float> input, Im2Col im2col, sbyte[] signs, int columns, float[] output)
    {
        var rows = im2col.Rows;
        var gathered = new double[rows];
        for (var p = 0; p < im2col.Pixels; p++)
        {
            var row = im2col.Row(p);
            for (var k = 0; k < rows; k++)
            {
                gathered[k] = row[k] < 0 ? 0 : input[row[k]];
            }

            for (var n = 0; n < columns; n++)
            {
                var w = signs.AsSpan(n * rows, rows);
                var sum = 0.0;
                for (var k = 0; k < rows; k++)
                {
                    sum += w[k] > 0 ? gathered[k] : -gathered[k];
                }

                output[(n * im2col.Pixels) + p] = (float)sum;
            }
        }
    }

    /// <summary>Float32 layer: Σ_k W[n,k]·x[k] + bias[n].</summary>
    public static void FloatDot(ReadOnlySpan<float> input, Im2Col im2col, float[] weights, float[]? bias, int columns, float[] output)
    {
        var rows = im2col.Rows;
        var gathered = new float[rows];
        for (var p = 0; p < im2col.Pixels; p++)
        {
            var row = im2col.Row(p);
            for (var k = 0; k < rows; k++)
            {
                gathered[k] = row[k] < 0 ? 0f : input[row[k]];
            }

            for (var n = 0; n < columns; n++)
            {
                var sum = 0f;
                var w = weights.AsSpan(n * rows, rows);
                for (var k = 0; k < rows; k++)
                {
                    sum += w[k] * gathered[k];
                }

                output[(n * im2col.Pixels) + p] = bias is null ? sum : sum + bias[n];
            }
        }
    }

    /// <summary>Applies y = α[n]·y + bias[n] per output channel in place (either may be null); eight values per step
    /// on 256-bit vectors with the same float products and sums (no fused multiply-add).</summary>
    public static void ScaleAndShift(float[] output, int columns, int pixels, float[]? alpha, float[]? bias)
    {
        if (alpha is null && bias is null)
        {
            return;
        }

        for (var n = 0; n < columns; n++)
        {
            var a = alpha?[n] ?? 1f;
            var b = bias?[n] ?? 0f;
            var span = output.AsSpan(n * pixels, pixels);
            var p = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var (scales, shifts) = (Vector256.Create(a), Vector256.Create(b));
                for (; p + 8 <= span.Length; p += 8)
                {
                    var v = Vector256.Create(span.Slice(p, 8));
                    var y = alpha is null ? v + shifts : bias is null ? scales * v : (scales * v) + shifts;
                    y.CopyTo(span[p..]);
                }
            }

            for (; p < span.Length; p++)
            {
                span[p] = alpha is null ? span[p] + b : bias is null ? a * span[p] : (a * span[p]) + b;
            }
        }
    }
}
