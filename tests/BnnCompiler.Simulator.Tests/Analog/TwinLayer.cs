using BnnCompiler.Core.Interpretation;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// Executes one layer on two executors (e.g. the ideal and the analog path); the first one's output goes on, and
/// every output whose bits differ is reported with its index and both values.
/// </summary>
internal sealed class TwinLayer(IBinaryLayerExecutor first, IBinaryLayerExecutor second, Action<int, float, float> differs) : IBinaryLayerExecutor
{
    public void Execute(ReadOnlySpan<float> input, float[] output)
    {
        var other = new float[output.Length];
        first.Execute(input, output);
        second.Execute(input, other);
        for (var i = 0; i < output.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(output[i]) != BitConverter.SingleToInt32Bits(other[i]))
            {
                differs(i, output[i], other[i]);
            }
        }
    }
}
