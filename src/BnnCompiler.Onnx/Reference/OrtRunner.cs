using BnnCompiler.Core.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BnnCompiler.Onnx.Reference;

/// <summary>
/// Runs a standard-ONNX model in ONNX Runtime, one sample per call or a batch of samples split over the
/// cores. Graph optimisations are disabled: ONNX Runtime's MatMul+BatchNormalization fusion changes float
/// rounding and would flip exact ties that the reference must keep. A model or sample ONNX Runtime refuses is a
/// BNN3030 diagnostic with its message and the model's file.
/// </summary>
public sealed class OrtRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly int[] _inputShape;
    private readonly int _inputLength;
    private readonly string _modelName;

    public OrtRunner(byte[] modelBytes, int intraOpThreads = 1, string modelName = "model")
    {
        _modelName = modelName;
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            _session = new InferenceSession(modelBytes, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw Refused(modelName, e);
        }

        var input = _session.InputMetadata.First();
        _inputName = input.Key;
        _inputShape = input.Value.Dimensions.Select(d => d <= 0 ? 1 : d).ToArray();
        _inputLength = _inputShape.Aggregate(1, (a, b) => a * b);
        var output = _session.OutputMetadata.First();
        OutputName = output.Key;
        OutputIsIndex = output.Value.ElementDataType == TensorElementType.Int64;
    }

    public string OutputName { get; }

    /// <summary>True when the first output is an int64 class index (a TopK or ArgMax head) rather than scores.</summary>
    public bool OutputIsIndex { get; }

    /// <summary>Elements of one sample as the model's first input expects them (batch of one).</summary>
    public int InputLength => _inputLength;

    public IReadOnlyList<int> InputShape => _inputShape;

    /// <summary>Runs one sample and returns the first output, flattened.</summary>
    public float[] Run(ReadOnlySpan<float> sample)
    {
        if (sample.Length != _inputLength)
        {
            throw new ArgumentException($"sample has {sample.Length} values; the model's input takes {_inputLength}");
        }

        var tensor = new DenseTensor<float>(sample.ToArray(), _inputShape);
        try
        {
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, tensor)]);
            return OutputIsIndex
                ? results.First().AsEnumerable<long>().Select(v => (float)v).ToArray()
                : results.First().AsEnumerable<float>().ToArray();
        }
        catch (OnnxRuntimeException e)
        {
            throw Refused(_modelName, e);
        }
    }

    /// <summary>The model's decision for one sample: its index output, or the first maximum of its scores.</summary>
    public int Top1(ReadOnlySpan<float> sample)
    {
        var result = Run(sample);
        return OutputIsIndex ? (int)result[0] : Core.Top1.Of(result);
    }

    /// <summary>ONNX Runtime's refusal of a model (or of running it) as a diagnostic naming the file.</summary>
    public static DiagnosticException Refused(string modelName, Exception e) =>
        new(Diagnostic.Error("BNN3030", $"ONNX Runtime refuses this model: {e.Message.Trim()}", new SourceLocation(modelName)));

    public void Dispose() => _session.Dispose();
}
