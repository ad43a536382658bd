using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The digital end of an analog layer's pixel: from the converted totals and the weight counts, each column's output
/// value, written at output[column · pixels + p].
/// <code>
///   out = scale · (total / divisor − negatives · (2^planes − 1)) + constant · (valid − 2 · negatives)
/// </code>
/// </summary>
internal static class AnalogPixelOutputs
{
    /// <summary>How the layer's input was coded: planes, the code step (scale), the value of code 0 (constant), the digital divisor.</summary>
    public readonly record struct Scaling(int Planes, double Scale, double Constant, long Divisor);

    /// <summary>One pixel's digital sums: the converted totals, each column's −1 weights on the valid rows, repair's corrections.</summary>
    public readonly ref struct Sums(long[] total, int[] negatives, long[]? flipNegatives, long[]? flipValid, long validAll)
    {
        public long[] Total { get; } = total;

        public int[] Negatives { get; } = negatives;

        public long[]? FlipNegatives { get; } = flipNegatives;

        public long[]? FlipValid { get; } = flipValid;

        public long ValidAll { get; } = validAll;
    }

    /// <summary>
    /// Each column's output at pixel p: scale·(dot − negatives·(2^planes − 1)) + constant·Σ valid weights, with dot =
    /// total / divisor, in double precision, rounded once to single; eight columns at a time on 512-bit vectors (the same
    /// operations in the same order).
    /// </summary>
    public static void Write(Sums sums, Scaling scaling, float[] output, int p, int pixels, int n)
    {
        var (scale, constant, divisor) = (scaling.Scale, scaling.Constant, scaling.Divisor);
        var planeSpan = (double)((1L << scaling.Planes) - 1);
        var col = 0;
        if (Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported)
        {
            Span<float> lanes = stackalloc float[16];
            for (; col + 8 <= n; col += 8)
            {
                var negatives = Vector512.WidenLower(Vector256.Create(sums.Negatives.AsSpan(col, 8)).ToVector512());
                var negativeRows = sums.FlipNegatives is null ? negatives : negatives + Vector512.Create(sums.FlipNegatives.AsSpan(col, 8));
                var signedValid = Vector512.Create(sums.ValidAll) - (negatives + negatives);
                if (sums.FlipValid is not null)
                {
                    signedValid += Vector512.Create(sums.FlipValid.AsSpan(col, 8));
                }

                var dot = Vector512.ConvertToDouble(Vector512.Create(sums.Total.AsSpan(col, 8))) / Vector512.Create((double)divisor);
                var value = (Vector512.Create(scale) * (dot - (Vector512.ConvertToDouble(negativeRows) * Vector512.Create(planeSpan))))
                    + (Vector512.Create(constant) * Vector512.ConvertToDouble(signedValid));
                Vector512.Narrow(value, value).CopyTo(lanes);
                for (var i = 0; i < 8; i++)
                {
                    output[((col + i) * pixels) + p] = lanes[i];
                }
            }
        }

        for (; col < n; col++)
        {
            // −1 weights on the valid rows, and Σ over the valid rows of the weight (valid − 2·negatives).
            var negativeRows = sums.Negatives[col] + (sums.FlipNegatives?[col] ?? 0);
            var signedValid = sums.ValidAll - (2L * sums.Negatives[col]) + (sums.FlipValid?[col] ?? 0);
            var dot = divisor == 1 ? sums.Total[col] : (double)sums.Total[col] / divisor;
            output[(col * pixels) + p] = (float)((scale * (dot - (negativeRows * planeSpan))) + (constant * (double)signedValid));
        }
    }

}
