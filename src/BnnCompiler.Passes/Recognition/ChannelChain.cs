using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// A chain of per-channel monotone float steps (BatchNorm, or Add/Sub/Mul/Div with a scalar or per-channel
/// constant) between a source value and a quantizer, evaluated exactly as the interpreter and ONNX Runtime
/// evaluate it, one element of one channel at a time.
/// </summary>
internal sealed class ChannelChain
{
    private readonly List<IrNode> _steps;

    private ChannelChain(List<IrNode> steps, IrValue source)
    {
        _steps = steps;
        Source = source;
    }

    public IrValue Source { get; }

    public IReadOnlyList<IrNode> Steps => _steps;

    /// <summary>Walks back from <paramref name="end"/> while each producer is a foldable step used only by the chain.</summary>
    public static ChannelChain Collect(IrGraph graph, IrValue end, IrNode endConsumer)
    {
        var steps = new List<IrNode>();
        var value = end;
        IrNode consumer = endConsumer;
        while (graph.Producer(value) is { } producer && !graph.HasOtherUses(value, consumer) && IsStep(producer, value.Shape))
        {
            steps.Insert(0, producer);
            value = producer is ElementwiseNode e ? Variable(e) : producer.Inputs[0];
            consumer = producer;
        }

        return new ChannelChain(steps, value);
    }

    /// <summary>Evaluates the chain on one value x of channel c.</summary>
    public float Evaluate(int channel, float x)
    {
        foreach (var step in _steps)
        {
            x = step switch
            {
                BatchNormNode bn => (x * bn.Scale[channel]) + bn.Shift[channel],
                ElementwiseNode e when e.Inputs[0].IsConstant => ElementwiseKernels.Apply(e.Op, ChannelConstant(e.Inputs[0], channel), x),
                ElementwiseNode e => ElementwiseKernels.Apply(e.Op, x, ChannelConstant(e.Inputs[1], channel)),
                _ => throw new InvalidOperationException("not a chain step"),
            };
        }

        return x;
    }

    /// <summary>+1 when the chain is non-decreasing in x for channel c, −1 when non-increasing.</summary>
    public int Direction(int channel)
    {
        var direction = 1;
        foreach (var step in _steps)
        {
            var factor = step switch
            {
                BatchNormNode bn => bn.Scale[channel],
                ElementwiseNode { Op: ElementwiseOp.Mul } e => ChannelConstant(e.Inputs[e.Inputs[0].IsConstant ? 0 : 1], channel),
                ElementwiseNode { Op: ElementwiseOp.Div } e => ChannelConstant(e.Inputs[1], channel),
                ElementwiseNode { Op: ElementwiseOp.Sub } e when e.Inputs[0].IsConstant => -1f,
                _ => 1f,
            };
            direction *= factor < 0 ? -1 : 1;
        }

        return direction;
    }

    private static bool IsStep(IrNode node, TensorShape shape) => node switch
    {
        BatchNormNode => true,
        ElementwiseNode { Op: ElementwiseOp.Div } e => !e.Inputs[0].IsConstant && PerChannel(e.Inputs[1], shape),
        ElementwiseNode { Op: ElementwiseOp.Add or ElementwiseOp.Sub or ElementwiseOp.Mul } e =>
            (e.Inputs[0].IsConstant ^ e.Inputs[1].IsConstant) && PerChannel(e.Inputs[e.Inputs[0].IsConstant ? 0 : 1], shape)
            && Variable(e).Shape.Equals(shape),
        _ => false,
    };

    private static IrValue Variable(ElementwiseNode e) => e.Inputs[0].IsConstant ? e.Inputs[1] : e.Inputs[0];

    /// <summary>A constant that is a scalar or varies only along axis 1 of <paramref name="shape"/>.</summary>
    private static bool PerChannel(IrValue constant, TensorShape shape)
    {
        if (constant.Constant is not { } data)
        {
            return false;
        }

        if (data.Length == 1)
        {
            return true;
        }

        var c = constant.Shape;
        if (c.Rank > shape.Rank || shape.Rank < 2)
        {
            return false;
        }

        var offset = shape.Rank - c.Rank;
        for (var i = 0; i < c.Rank; i++)
        {
            var axis = i + offset;
            if (c[i] != 1 && !(axis == 1 && c[i] == shape[1]))
            {
                return false;
            }
        }

        return true;
    }

    private static float ChannelConstant(IrValue constant, int channel) =>
        constant.Constant!.Length == 1 ? constant.Constant[0] : constant.Constant[channel];
}
