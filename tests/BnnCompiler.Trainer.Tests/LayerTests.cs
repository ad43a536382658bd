using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Tests;

/// <summary>Layers against independent references: direct loops, adjoint identities, finite differences.</summary>
public sealed class LayerTests
{
    private static float[] Random(Rng rng, int n, float low, float high)
    {
        var a = new float[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = rng.Uniform(low, high);
        }

        return a;
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += (double)a[i] * b[i];
        }

        return s;
    }

    [Fact]
    public void Binary_conv_forward_equals_a_direct_convolution_with_sign_weights()
    {
        var rng = new Rng(5);
        var conv = new BinaryConv2d("c", 3, 4, scaled: false, inputIsImage: false, rng);
        conv.PrepareWeights();
        const int n = 3, h = 6, w = 5;
        var x = Random(rng, n * 3 * h * w, -2, 2);
        var y = conv.Forward(new Act(x, n, 3, h, w), train: true);

        var weights = conv.Weight.Value;
        for (var s = 0; s < n; s++)
        {
            for (var co = 0; co < 4; co++)
            {
                for (var i = 0; i < h; i++)
                {
                    for (var j = 0; j < w; j++)
                    {
                        double expected = 0;
                        for (var ci = 0; ci < 3; ci++)
                        {
                            for (var ky = 0; ky < 3; ky++)
                            {
                                for (var kx = 0; kx < 3; kx++)
                                {
                                    int yy = i + ky - 1, xx = j + kx - 1;
                                    if (yy < 0 || yy >= h || xx < 0 || xx >= w)
                                    {
                                        continue;
                                    }

                                    var sign = weights[((co * 3 + ci) * 3 + ky) * 3 + kx] >= 0 ? 1 : -1;
                                    expected += sign * x[((s * 3 + ci) * h + yy) * w + xx];
                                }
                            }
                        }

                        Assert.Equal(expected, y.Data[((s * 4 + co) * h + i) * w + j], 1e-4);
                    }
                }
            }
        }
    }

    [Fact]
    public void Binary_conv_backward_is_the_adjoint_of_the_forward()
    {
        // y = conv(Wb, x) is linear in x and in Wb: <dy, conv(Wb, x)> = <dx, x> = <dWb, Wb>,
        // and with |W| <= 1 everywhere the STE passes dWb to the latent weights unchanged.
        var rng = new Rng(9);
        var conv = new BinaryConv2d("c", 2, 3, scaled: false, inputIsImage: false, rng);
        conv.PrepareWeights();
        var wb = conv.BinaryWeights.ToArray();
        const int n = 2, h = 5, w = 4;
        var x = Random(rng, n * 2 * h * w, -1, 1);
        var y = conv.Forward(new Act(x, n, 2, h, w), train: true).Data.ToArray();
        var dy = Random(rng, y.Length, -1, 1);
        var dx = conv.Backward(new Act(dy, n, 3, h, w))!.Data;
        Assert.Equal(Dot(dy, y), Dot(dx.AsSpan(0, x.Length), x), 3);
        Assert.Equal(Dot(dy, y), Dot(conv.Weight.Grad, wb), 3);
    }

    [Fact]
    public void Scaled_conv_gradient_adds_the_alpha_path_to_the_straight_through_one()
    {
        // Same latent weights, same data: dWb = Σ dy·colᵀ does not depend on the weights, so the unscaled
        // layer's gradient is dWb, and the scaled one must be α_c·dWb + mean_j(dWb·sign W)·sign W.
        var plain = new BinaryConv2d("c", 2, 3, scaled: false, inputIsImage: false, new Rng(21));
        var scaled = new BinaryConv2d("c", 2, 3, scaled: true, inputIsImage: false, new Rng(21));
        var rng = new Rng(22);
        const int n = 2, h = 4, w = 4;
        var x = Random(rng, n * 2 * h * w, -1, 1);
        var dy = Random(rng, n * 3 * h * w, -1, 1);
        foreach (var conv in new[] { plain, scaled })
        {
            conv.PrepareWeights();
            conv.Forward(new Act(x, n, 2, h, w), train: true);
            conv.Backward(new Act(dy, n, 3, h, w));
        }

        const int fan = 18;
        var latent = scaled.Weight.Value;
        for (var c = 0; c < 3; c++)
        {
            double alpha = 0, dAlpha = 0;
            for (var j = 0; j < fan; j++)
            {
                alpha += Math.Abs(latent[c * fan + j]) / fan;
                dAlpha += plain.Weight.Grad[c * fan + j] * (latent[c * fan + j] >= 0 ? 1 : -1) / fan;
            }

            Assert.Equal(alpha, scaled.Alpha[c], 5);
            for (var j = 0; j < fan; j++)
            {
                var i = c * fan + j;
                var s = latent[i] >= 0 ? 1 : -1;
                Assert.Equal(alpha * plain.Weight.Grad[i] + dAlpha * s, scaled.Weight.Grad[i], 4);
                Assert.Equal(alpha * s, scaled.BinaryWeights[i], 5);
            }
        }
    }

    [Fact]
    public void Binary_linear_backward_is_the_adjoint_of_the_forward()
    {
        var rng = new Rng(11);
        var fc = new BinaryLinear("f", 7, 5, scaled: false, inputIsImage: false, rng);
        fc.PrepareWeights();
        var x = Random(rng, 3 * 7, -1, 1);
        var y = fc.Forward(new Act(x, 3, 7, 1, 1), train: true).Data.ToArray();
        var dy = Random(rng, y.Length, -1, 1);
        var dx = fc.Backward(new Act(dy, 3, 5, 1, 1))!.Data;
        Assert.Equal(Dot(dy, y), Dot(dx.AsSpan(0, x.Length), x), 4);
        var wb = fc.Weight.Value.Select(v => v >= 0 ? 1f : -1f).ToArray();
        Assert.Equal(Dot(dy, y), Dot(fc.Weight.Grad, wb), 4);
    }

    [Fact]
    public void Batch_norm_backward_matches_finite_differences()
    {
        var rng = new Rng(13);
        const int n = 4, c = 3, h = 2, w = 2;
        var x = Random(rng, n * c * h * w, -3, 3);
        var probe = Random(rng, x.Length, -1, 1);

        BatchNorm Fresh()
        {
            var bn = new BatchNorm("bn", c);
            for (var i = 0; i < c; i++)
            {
                bn.Gamma.Value[i] = 0.5f + i;
                bn.Beta.Value[i] = i - 1f;
            }

            return bn;
        }

        double Loss(float[] input) => Dot(Fresh().Forward(new Act(input, n, c, h, w), train: true).Data, probe);

        var layer = Fresh();
        layer.Forward(new Act(x, n, c, h, w), train: true);
        var dx = layer.Backward(new Act(probe, n, c, h, w))!.Data.ToArray();
        const float eps = 1e-2f;
        foreach (var i in new[] { 0, 5, 17, 30, 47 })
        {
            var plus = (float[])x.Clone();
            var minus = (float[])x.Clone();
            plus[i] += eps;
            minus[i] -= eps;
            var numeric = (Loss(plus) - Loss(minus)) / (2 * eps);
            Assert.Equal(numeric, dx[i], 2);
        }
    }

    [Fact]
    public void Sign_maps_zero_to_plus_one_and_gates_the_gradient_at_one()
    {
        var sign = new Sign("s");
        var x = new[] { -2f, -1f, -0.5f, -0f, 0f, 0.5f, 1f, 1.5f };
        var y = sign.Forward(new Act(x, 1, x.Length, 1, 1), train: true).Data.ToArray();
        Assert.Equal(new[] { -1f, -1f, -1f, 1f, 1f, 1f, 1f, 1f }, y);
        var dx = sign.Backward(new Act(Enumerable.Repeat(2f, x.Length).ToArray(), 1, x.Length, 1, 1))!.Data;
        Assert.Equal(new[] { 0f, 2f, 2f, 2f, 2f, 2f, 2f, 0f }, dx);
    }

    [Fact]
    public void Max_pool_takes_the_window_maximum_and_routes_the_gradient_to_it()
    {
        var pool = new MaxPool2("p");
        var x = new float[] { 1, 5, 2, 0, 3, 4, -1, 7, 9, 8, 6, 6, 0, 0, 6, 2 };
        var y = pool.Forward(new Act(x, 1, 1, 4, 4), train: true).Data.ToArray();
        Assert.Equal(new float[] { 5, 7, 9, 6 }, y);
        var dx = pool.Backward(new Act([1, 2, 3, 4], 1, 1, 2, 2))!.Data;
        Assert.Equal(new float[] { 0, 1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 0, 0, 0, 0, 0 }, dx);
    }

    [Fact]
    public void Managed_gemm_agrees_with_a_direct_product_for_every_transpose()
    {
        var rng = new Rng(17);
        const int m = 5, n = 7, k = 6;
        var a = Random(rng, m * k, -1, 1);
        var b = Random(rng, k * n, -1, 1);
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            // Store op(A) and op(B) transposed when asked.
            var sa = ta ? Transpose(a, m, k) : a;
            var sb = tb ? Transpose(b, k, n) : b;
            var c = Random(rng, m * n, -1, 1);
            var expected = new double[m * n];
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    double s = 0;
                    for (var p = 0; p < k; p++)
                    {
                        s += (double)a[i * k + p] * b[p * n + j];
                    }

                    expected[i * n + j] = 2 * s + 0.5 * c[i * n + j];
                }
            }

            new ManagedGemm().Run(ta, tb, m, n, k, 2f, sa, ta ? m : k, sb, tb ? k : n, 0.5f, c, n);
            for (var i = 0; i < c.Length; i++)
            {
                Assert.Equal(expected[i], c[i], 4);
            }
        }
    }

    private static float[] Transpose(float[] a, int rows, int cols)
    {
        var t = new float[a.Length];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                t[j * rows + i] = a[i * cols + j];
            }
        }

        return t;
    }
}
