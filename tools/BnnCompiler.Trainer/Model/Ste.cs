using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>The straight-through estimator for binarized latent weights.</summary>
internal static class Ste
{
    /// <summary>
    /// From the gradient of the used weights Wb = α·sign(W) to the latent W: α·dWb where |W| ≤ 1 (0 elsewhere),
    /// plus, with α = mean|W_c|, the α path (Σ_j dWb_j·sign W_j)·sign(W_i)/fan.
    /// </summary>
    public static void LatentGradient(Param w, ReadOnlySpan<float> dwb, ReadOnlySpan<float> alpha, int rows, int fan, bool scaled)
    {
        var value = w.Value;
        var grad = w.Grad;
        for (var r = 0; r < rows; r++)
        {
            var a = alpha[r];
            var dAlpha = 0f;
            if (scaled)
            {
                var s = 0.0;
                for (var j = 0; j < fan; j++)
                {
                    var i = r * fan + j;
                    s += value[i] >= 0f ? dwb[i] : -dwb[i];
                }

                dAlpha = (float)(s / fan);
            }

            for (var j = 0; j < fan; j++)
            {
                var i = r * fan + j;
                var v = value[i];
                var g = MathF.Abs(v) <= 1f ? a * dwb[i] : 0f;
                if (scaled)
                {
                    g += v >= 0f ? dAlpha : -dAlpha;
                }

                grad[i] = g;
            }
        }
    }
}
