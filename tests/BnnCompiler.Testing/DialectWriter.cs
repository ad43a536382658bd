using BnnCompiler.Onnx.Building;

namespace BnnCompiler.Testing;

/// <summary>Writes binarizers, binary layers and batch norms in one dialect's idiom (see <see cref="Dialect"/>).</summary>
internal sealed class DialectWriter
{
    private readonly Dialect _dialect;
    private readonly OnnxModelBuilder _b;
    private readonly Random _rng;
    private readonly string _domain;

    public DialectWriter(Dialect dialect, OnnxModelBuilder b, Random rng)
    {
        _dialect = dialect;
        _b = b;
        _rng = rng;
        _domain = dialect switch
        {
            Dialect.QonnxBrevitas => "onnx.brevitas",
            Dialect.QonnxGeneral or Dialect.QonnxQuant1Bit => "qonnx.custom_op.general",
            Dialect.Finn => "finn.custom_op.general",
            Dialect.FinnLegacy => "finn",
            _ => string.Empty,
        };
        if (dialect is Dialect.QonnxGeneral or Dialect.QonnxQuant1Bit or Dialect.Finn or Dialect.FinnLegacy)
        {
            b.Opset(_domain, 1);
        }
    }

    private bool IsFinn => _dialect is Dialect.Finn or Dialect.FinnLegacy;

    /// <summary>The dialect's activation binarizer on x (channels on axis 1).</summary>
    public string Binarize(string x, int channels, bool isInput = false)
    {
        switch (_dialect)
        {
            case Dialect.QonnxBrevitas or Dialect.QonnxGeneral:
                return _b.Node("BipolarQuant", [x, _b.Scalar(1f)], domain: _domain);
            case Dialect.QonnxQuant1Bit:
                return _b.Node("Quant", [x, _b.Scalar(1f), _b.Scalar(0f), _b.Scalar(1f)],
                    new Dictionary<string, object> { ["signed"] = 1L, ["narrow"] = 0L, ["rounding_mode"] = "ROUND" }, domain: _domain);
            case Dialect.Finn or Dialect.FinnLegacy:
                {
                    var t = isInput ? _b.Initializer(Name("t"), [1, 1], [0f])
                        : _b.Initializer(Name("t"), [channels, 1], Enumerable.Range(0, channels).Select(_ => _rng.Next(-6, 7) / 2f).ToArray());
                    return _b.Node("MultiThreshold", [x, t],
                        new Dictionary<string, object> { ["out_scale"] = 2f, ["out_bias"] = -1f, ["out_dtype"] = "BIPOLAR" }, domain: _domain);
                }

            case Dialect.PyTorchSign:
                return _b.Node("Sign", [x]);
            case Dialect.PyTorchWhere:
                return _b.Node("Where", [_b.Node("GreaterOrEqual", [x, _b.Scalar(0f)]), _b.Scalar(1f), _b.Scalar(-1f)]);
            case Dialect.PyTorchCast:
                {
                    var ge = _b.Node("Cast", [_b.Node("GreaterOrEqual", [x, _b.Scalar(0f)])], new Dictionary<string, object> { ["to"] = 1L });
                    return _b.Node("Sub", [_b.Node("Mul", [ge, _b.Scalar(2f)]), _b.Scalar(1f)]);
                }

            default:
                return _b.Node("Sign", [_b.Node("Add", [_b.Node("Sign", [x]), _b.Scalar(0.1f)])]);
        }
    }

    /// <summary>BatchNorm then binarizer; FINN absorbs the norm into per-channel thresholds instead.</summary>
    public string NormAndBinarize(string x, int channels, bool isConv) =>
        IsFinn ? Binarize(x, channels) : Binarize(BatchNorm(x, channels), channels);

    public string BatchNorm(string x, int channels, string? output = null)
    {
        var gamma = Enumerable.Range(0, channels).Select(c => (c % 3 == 1 ? -1f : 1f) * (0.5f + (float)_rng.NextDouble())).ToArray();
        var beta = Enumerable.Range(0, channels).Select(c => c % 2 == 0 ? 0f : (float)(_rng.NextDouble() - 0.5)).ToArray();
        var mean = Enumerable.Range(0, channels).Select(_ => (float)_rng.Next(-4, 5)).ToArray();
        var variance = Enumerable.Range(0, channels).Select(_ => 0.5f + (float)_rng.NextDouble()).ToArray();
        return _b.Node("BatchNormalization",
            [x, _b.Initializer(Name("gamma"), [channels], gamma), _b.Initializer(Name("beta"), [channels], beta),
                _b.Initializer(Name("mean"), [channels], mean), _b.Initializer(Name("var"), [channels], variance)],
            new Dictionary<string, object> { ["epsilon"] = 1e-5f }, output: output);
    }

    /// <summary>A binary dense layer (kernel 0) or convolution, in the dialect's weight idiom.</summary>
    public string Linear(string x, int outputs, int inputs, int kernel, int pad, bool alpha)
    {
        var k = kernel == 0 ? inputs : inputs * kernel * kernel;
        var scales = Enumerable.Range(0, outputs).Select(_ => alpha ? _rng.Next(16, 129) / 64f : 1f).ToArray();
        var latent = Enumerable.Range(0, outputs * k).Select(_ => (float)(_rng.NextDouble() - 0.5) + (_rng.Next(2) == 0 ? 0.01f : -0.01f)).ToArray();
        var stored = latent.Select((v, i) => (v >= 0 ? 1f : -1f) * scales[i / k]).ToArray();
        long[] shape = kernel == 0 ? [outputs, inputs] : [outputs, inputs, kernel, kernel];
        long[] scaleShape = kernel == 0 ? [outputs, 1] : [outputs, 1, 1, 1];
        string w;
        switch (_dialect)
        {
            case Dialect.QonnxBrevitas or Dialect.QonnxGeneral:
                w = _b.Node("BipolarQuant", [_b.Initializer(Name("w"), shape, latent), _b.Initializer(Name("alpha"), scaleShape, scales)], domain: _domain);
                break;
            case Dialect.QonnxQuant1Bit:
                w = _b.Node("Quant", [_b.Initializer(Name("w"), shape, latent), _b.Initializer(Name("alpha"), scaleShape, scales), _b.Scalar(0f), _b.Scalar(1f)],
                    new Dictionary<string, object> { ["signed"] = 1L, ["narrow"] = 0L }, domain: _domain);
                break;
            case Dialect.PyTorchSign:
                w = _b.Node("Mul", [_b.Node("Sign", [_b.Initializer(Name("w"), shape, latent)]), _b.Initializer(Name("alpha"), scaleShape, scales)]);
                break;
            default:
                w = _b.Initializer(Name("w"), shape, stored);
                if (IsFinn)
                {
                    _b.Annotate(w, "finn_datatype", "BIPOLAR");
                }

                break;
        }

        if (kernel > 0)
        {
            return _b.Node("Conv", [x, w], new Dictionary<string, object>
            {
                ["kernel_shape"] = new long[] { kernel, kernel },
                ["pads"] = new long[] { pad, pad, pad, pad },
            });
        }

        // QONNX and FINN/Larq write x·Wᵀ as Transpose + MatMul; PyTorch as Gemm with transB.
        return _dialect is Dialect.PyTorchSign or Dialect.PyTorchWhere or Dialect.PyTorchCast
            ? _b.Node("Gemm", [x, w], new Dictionary<string, object> { ["transB"] = 1L })
            : _b.Node("MatMul", [x, _b.Node("Transpose", [w], new Dictionary<string, object> { ["perm"] = new long[] { 1, 0 } })]);
    }

    private string Name(string stem) => $"{stem}_{_rng.Next():x8}";
}
