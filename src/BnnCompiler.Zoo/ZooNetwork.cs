using BnnCompiler.Core.Randomness;
using System.Buffers.Binary;
using BnnCompiler.Onnx.Building;

namespace BnnCompiler.Zoo;

/// <summary>
/// Builds one zoo network layer by layer: records every weight layer's shape, counts parameters the way
/// Larq Zoo counts them and, unless it only describes, writes the ONNX graph in the "plain PyTorch" dialect
/// the importer expects (Conv/Gemm with ±1 weights, BatchNormalization, the binarizer
/// <c>Where(GreaterOrEqual(x, 0), 1, -1)</c> in front of every weight layer but the first).
/// </summary>
/// <remarks>
/// Each activation carries a rough per-channel mean and standard deviation (a random-±1-weight estimate,
/// not a measurement). BatchNormalization's moving statistics are drawn around them, so that every
/// binarizer's threshold falls inside the range its input actually takes and the signs stay mixed: the
/// graph computes something non-degenerate even though nothing is trained.
/// </remarks>
internal sealed class ZooNetwork
{
    public const float PlusOne = 1f;
    public const float MinusOne = -1f;
    private const uint PlusOneBits = 0x3F800000u;
    private const uint MinusOneBits = 0xBF800000u;

    private readonly OnnxModelBuilder? _onnx;
    private readonly int _seed;
    private readonly List<ZooLayer> _layers = [];
    private string? _zero;
    private string? _plus;
    private string? _minus;

    public ZooNetwork(string graphName, int seed, bool emit)
    {
        _seed = seed;
        _onnx = emit ? new OnnxModelBuilder(graphName, opset: 13, irVersion: 8) : null;
    }

    public OnnxModelBuilder? Onnx => _onnx;

    public IReadOnlyList<ZooLayer> Layers => _layers;

    public long BatchNormParameters { get; private set; }

    public long BiasParameters { get; private set; }

    /// <summary>The graph input: raw pixel values 0..255, NCHW.</summary>
    public Activation Image(int channels, int height, int width)
    {
        _onnx?.Input("image", [1, channels, height, width]);

        // Uniform 0..255: mean 127.5, standard deviation 255/sqrt(12).
        return new Activation("image", channels, height, width, false,
            Fill(channels, 127.5), Fill(channels, 255.0 / Math.Sqrt(12.0)));
    }

    /// <summary>
    /// A convolution with ±1 weights, no bias. Every kind but <see cref="ZooLayerKind.FirstConv"/> binarizes
    /// its input first. <paramref name="same"/> pads as Keras "same" does (the extra row/column, if any, at
    /// the bottom/right), else no padding.
    /// </summary>
    public Activation Conv(Activation x, string name, int outChannels, int kernel, int stride, bool same,
        ZooLayerKind kind, bool larqFullPrecision, string note)
    {
        RequireMap(x, name);
        if (kind == ZooLayerKind.Dense)
        {
            throw new ArgumentException($"layer '{name}': use Dense for a fully connected layer", nameof(kind));
        }

        var input = kind == ZooLayerKind.FirstConv ? x.Name : Binarize(x, name);
        var (outH, padTop, padBottom) = Geometry(x.Height, kernel, stride, same);
        var (outW, padLeft, padRight) = Geometry(x.Width, kernel, stride, same);
        _layers.Add(new ZooLayer(_layers.Count + 1, name, kind, x.Channels, outChannels, kernel, stride,
            x.Height, x.Width, outH, outW, larqFullPrecision, note));

        var output = name + "_out";
        if (_onnx is not null)
        {
            var weight = SignTensor(name + ".weight", [outChannels, x.Channels, kernel, kernel]);
            _onnx.Node("Conv", [input, weight], new Dictionary<string, object>
            {
                ["kernel_shape"] = new long[] { kernel, kernel },
                ["strides"] = new long[] { stride, stride },
                ["pads"] = new long[] { padTop, padLeft, padBottom, padRight },
            }, name: name, output: output);
        }

        // A sum of fan-in terms with random signs: mean 0, variance = sum of the inputs' second moments.
        double power = kind == ZooLayerKind.FirstConv
            ? kernel * kernel * Enumerable.Range(0, x.Channels).Sum(c => (x.Mean[c] * x.Mean[c]) + (x.Std[c] * x.Std[c]))
            : (double)kernel * kernel * x.Channels;
        return new Activation(output, outChannels, outH, outW, false, Fill(outChannels, 0), Fill(outChannels, Math.Sqrt(power)));
    }

    /// <summary>A fully connected layer (Gemm, weight [out, in], transB = 1) on the binarized input.</summary>
    public Activation Dense(Activation x, string name, int units, bool bias, bool larqFullPrecision, string note,
        string? output = null)
    {
        if (!x.Flat)
        {
            throw new ArgumentException($"layer '{name}': a dense layer needs a flattened input; '{x.Name}' is a map");
        }

        var input = Binarize(x, name);
        _layers.Add(new ZooLayer(_layers.Count + 1, name, ZooLayerKind.Dense, x.Channels, units, 1, 1, 1, 1, 1, 1,
            larqFullPrecision, note));
        output ??= name + "_out";
        if (bias)
        {
            BiasParameters += units;
        }

        var rng = SplitMix64.ForStream(_seed, name + ".bias");
        var biasValues = bias ? Enumerable.Range(0, units).Select(_ => (float)rng.NextDouble(-1, 1)).ToArray() : [];
        if (_onnx is not null)
        {
            var weight = SignTensor(name + ".weight", [units, x.Channels]);
            List<string> inputs = [input, weight];
            if (bias)
            {
                inputs.Add(_onnx.Initializer(name + ".bias", [units], biasValues));
            }

            _onnx.Node("Gemm", inputs, new Dictionary<string, object> { ["transB"] = 1L }, name: name, output: output);
        }

        return new Activation(output, units, 1, 1, true, Fill(units, 0), Fill(units, Math.Sqrt(x.Channels)));
    }

    /// <summary>
    /// BatchNormalization with seeded parameters. With <paramref name="scale"/> false (Keras
    /// <c>scale=False</c>) γ is exactly 1 and is not counted as a parameter; otherwise |γ| is in [0.5, 1.5)
    /// and one channel in eight, on average, has γ &lt; 0.
    /// </summary>
    public Activation BatchNorm(Activation x, string name, bool scale, double epsilon, string? output = null)
    {
        var c = x.Channels;
        var rng = SplitMix64.ForStream(_seed, name);
        var gamma = new float[c];
        var beta = new float[c];
        var mean = new float[c];
        var variance = new float[c];
        for (var i = 0; i < c; i++)
        {
            if (scale)
            {
                var magnitude = rng.NextDouble(0.5, 1.5);
                gamma[i] = (float)(rng.NextDouble() < 0.125 ? -magnitude : magnitude);
            }
            else
            {
                gamma[i] = 1f;
            }

            beta[i] = (float)rng.NextDouble(-0.5, 0.5);
            mean[i] = (float)(x.Mean[i] + (x.Std[i] * rng.NextDouble(-0.25, 0.25)));
            var std = x.Std[i] * rng.NextDouble(0.75, 1.25);
            variance[i] = (float)(std * std);
        }

        BatchNormParameters += (scale ? 4L : 3L) * c;
        output ??= name + "_out";
        if (_onnx is not null)
        {
            var g = _onnx.Initializer(name + ".weight", [c], gamma);
            if (!scale)
            {
                _onnx.Model.Graph.Initializer[^1].DocString = "fixed at 1: Keras BatchNormalization(scale=False), not a parameter";
            }

            var b = _onnx.Initializer(name + ".bias", [c], beta);
            var m = _onnx.Initializer(name + ".running_mean", [c], mean);
            var v = _onnx.Initializer(name + ".running_var", [c], variance);
            _onnx.Node("BatchNormalization", [x.Name, g, b, m, v],
                new Dictionary<string, object> { ["epsilon"] = (float)epsilon }, name: name, output: output);
        }

        return x with
        {
            Name = output,
            Mean = beta.Select(v => (double)v).ToArray(),
            Std = gamma.Select(v => (double)Math.Abs(v)).ToArray(),
        };
    }

    public Activation Relu(Activation x, string name)
    {
        var output = Emit("Relu", [x.Name], null, name);

        // For a roughly centred normal input: E[relu] = 0.399 s, sd = 0.584 s.
        return x with { Name = output, Mean = x.Std.Select(s => 0.399 * s).ToArray(), Std = x.Std.Select(s => 0.584 * s).ToArray() };
    }

    public Activation MaxPool(Activation x, string name, int kernel, int stride, bool same)
    {
        RequireMap(x, name);
        var (outH, pt, pb) = Geometry(x.Height, kernel, stride, same);
        var (outW, pl, pr) = Geometry(x.Width, kernel, stride, same);
        var output = Emit("MaxPool", [x.Name], new Dictionary<string, object>
        {
            ["kernel_shape"] = new long[] { kernel, kernel },
            ["strides"] = new long[] { stride, stride },
            ["pads"] = new long[] { pt, pl, pb, pr },
        }, name);

        // Maximum of K standard normals: mean and sd (K = 4: 1.029, 0.701; K = 9: 1.485, 0.598).
        var (shift, shrink) = (kernel * kernel) switch
        {
            4 => (1.029, 0.701),
            9 => (1.485, 0.598),
            var k => throw new ArgumentException($"pool '{name}': no statistics for a {k}-element max pool"),
        };
        return x with
        {
            Name = output,
            Height = outH,
            Width = outW,
            Mean = x.Mean.Zip(x.Std, (m, s) => m + (shift * s)).ToArray(),
            Std = x.Std.Select(s => shrink * s).ToArray(),
        };
    }

    /// <summary>Average pool without padding.</summary>
    public Activation AveragePool(Activation x, string name, int kernel, int stride)
    {
        RequireMap(x, name);
        var (outH, _, _) = Geometry(x.Height, kernel, stride, same: false);
        var (outW, _, _) = Geometry(x.Width, kernel, stride, same: false);
        var output = Emit("AveragePool", [x.Name], new Dictionary<string, object>
        {
            ["kernel_shape"] = new long[] { kernel, kernel },
            ["strides"] = new long[] { stride, stride },
            ["pads"] = new long[] { 0, 0, 0, 0 },
        }, name);
        var n = Math.Sqrt(kernel * kernel);
        return x with { Name = output, Height = outH, Width = outW, Std = x.Std.Select(s => s / n).ToArray() };
    }

    public Activation GlobalAveragePool(Activation x, string name)
    {
        RequireMap(x, name);
        var output = Emit("GlobalAveragePool", [x.Name], null, name);
        var n = Math.Sqrt((double)x.Height * x.Width);
        return x with { Name = output, Height = 1, Width = 1, Std = x.Std.Select(s => s / n).ToArray() };
    }

    public Activation Flatten(Activation x, string name)
    {
        var output = Emit("Flatten", [x.Name], new Dictionary<string, object> { ["axis"] = 1L }, name);
        var repeat = x.Height * x.Width;
        return new Activation(output, x.Channels * repeat, 1, 1, true,
            x.Mean.SelectMany(m => Enumerable.Repeat(m, repeat)).ToArray(),
            x.Std.SelectMany(s => Enumerable.Repeat(s, repeat)).ToArray());
    }

    public Activation Add(Activation a, Activation b, string name)
    {
        if (a.Channels != b.Channels || a.Height != b.Height || a.Width != b.Width)
        {
            throw new ArgumentException($"add '{name}': {a.Shape} and {b.Shape} differ");
        }

        var output = Emit("Add", [a.Name, b.Name], null, name);
        return a with
        {
            Name = output,
            Mean = a.Mean.Zip(b.Mean, (x, y) => x + y).ToArray(),
            Std = a.Std.Zip(b.Std, (x, y) => Math.Sqrt((x * x) + (y * y))).ToArray(),
        };
    }

    /// <summary>Concatenation along the channel axis.</summary>
    public Activation Concat(Activation a, Activation b, string name)
    {
        if (a.Height != b.Height || a.Width != b.Width)
        {
            throw new ArgumentException($"concat '{name}': {a.Shape} and {b.Shape} differ in H×W");
        }

        var output = Emit("Concat", [a.Name, b.Name], new Dictionary<string, object> { ["axis"] = 1L }, name);
        return a with
        {
            Name = output,
            Channels = a.Channels + b.Channels,
            Mean = [.. a.Mean, .. b.Mean],
            Std = [.. a.Std, .. b.Std],
        };
    }

    /// <summary>Declares <paramref name="x"/> as the graph output; its name must be the output's.</summary>
    public void Output(Activation x, string name)
    {
        if (x.Name != name)
        {
            throw new InvalidOperationException($"the graph output must be produced as '{name}'; the last node writes '{x.Name}'");
        }

        _onnx?.Output(name, x.Flat ? [1, x.Channels] : [1, x.Channels, x.Height, x.Width]);
    }

    /// <summary>
    /// The binarizer of the "plain PyTorch" dialect: <c>Where(GreaterOrEqual(x, 0), 1, -1)</c>, i.e.
    /// sign with sign(0) = +1 as Larq's <c>ste_sign</c> has it. Its nodes are named after the layer they feed.
    /// </summary>
    private string Binarize(Activation x, string layerName)
    {
        if (_onnx is null)
        {
            return layerName + ".sign_out";
        }

        _zero ??= _onnx.Scalar(0f, "binarize.zero");
        _plus ??= _onnx.Scalar(PlusOne, "binarize.plus_one");
        _minus ??= _onnx.Scalar(MinusOne, "binarize.minus_one");
        var ge = _onnx.Node("GreaterOrEqual", [x.Name, _zero], name: layerName + ".sign_ge");
        return _onnx.Node("Where", [ge, _plus, _minus], name: layerName + ".sign");
    }

    /// <summary>A float32 tensor of exactly ±1, 64 values per generator draw (bit set: +1).</summary>
    private string SignTensor(string name, long[] shape)
    {
        var count = checked((int)shape.Aggregate(1L, (a, d) => a * d));
        var bytes = new byte[checked(count * sizeof(float))];
        var span = bytes.AsSpan();
        var rng = SplitMix64.ForStream(_seed, name);
        ulong bits = 0;
        for (var i = 0; i < count; i++)
        {
            if ((i & 63) == 0)
            {
                bits = rng.NextUInt64();
            }

            BinaryPrimitives.WriteUInt32LittleEndian(span[(i * 4)..], (bits & 1) != 0 ? PlusOneBits : MinusOneBits);
            bits >>= 1;
        }

        return _onnx!.InitializerFloat32Bytes(name, shape, bytes);
    }

    private string Emit(string opType, IReadOnlyList<string> inputs, IReadOnlyDictionary<string, object>? attributes, string name)
    {
        var output = name + "_out";
        _onnx?.Node(opType, inputs, attributes, name: name, output: output);
        return output;
    }

    /// <summary>Output size and padding before/after, as Keras computes "same" and "valid".</summary>
    private static (int Out, int Before, int After) Geometry(int input, int kernel, int stride, bool same)
    {
        if (!same)
        {
            return (((input - kernel) / stride) + 1, 0, 0);
        }

        var output = (input + stride - 1) / stride;
        var total = Math.Max(((output - 1) * stride) + kernel - input, 0);
        return (output, total / 2, total - (total / 2));
    }

    private static void RequireMap(Activation x, string name)
    {
        if (x.Flat)
        {
            throw new ArgumentException($"'{name}' needs a feature map; '{x.Name}' is flattened");
        }
    }

    private static double[] Fill(int count, double value) => Enumerable.Repeat(value, count).ToArray();
}

/// <summary>An activation tensor of batch 1: its ONNX name, shape and rough per-channel statistics.</summary>
internal sealed record Activation(string Name, int Channels, int Height, int Width, bool Flat, double[] Mean, double[] Std)
{
    public string Shape => Flat ? $"[{Channels}]" : $"[{Channels},{Height},{Width}]";
}
