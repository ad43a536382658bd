using BnnCompiler.Data;
using BnnCompiler.Onnx.Reference;
using BnnCompiler.Trainer.Numerics;
using Onnx;

namespace BnnCompiler.Trainer.Export;

/// <summary>Runs an exported file in ONNX Runtime over a data set (QONNX files are lowered first).</summary>
internal static class OrtCheck
{
    /// <summary>True when the model uses a QONNX custom domain (ONNX Runtime needs the lowered copy).</summary>
    public static bool IsQonnx(byte[] modelBytes) =>
        ModelProto.Parser.ParseFrom(modelBytes).Graph.Node.Any(n => n.Domain is "qonnx.custom_op.general" or "onnx.brevitas");

    /// <summary>Logits of every image (the first <paramref name="limit"/> when &gt; 0), raw 0..255 pixels as floats.</summary>
    public static float[][] Logits(byte[] modelBytes, Dataset data, int limit = 0)
    {
        var runnable = CustomOpLowering.LowerToBytes(ModelProto.Parser.ParseFrom(modelBytes));
        var count = limit > 0 ? Math.Min(limit, data.Count) : data.Count;
        var result = new float[count][];
        var runners = new OrtRunner[Parts.Count];
        try
        {
            for (var p = 0; p < Parts.Count; p++)
            {
                runners[p] = new OrtRunner(runnable);
            }

            Parts.For(count, (start, end, part) =>
            {
                var sample = new float[data.ImageSize];
                for (var i = start; i < end; i++)
                {
                    var image = data.Image(i);
                    for (var j = 0; j < sample.Length; j++)
                    {
                        sample[j] = image[j];
                    }

                    result[i] = runners[part].Run(sample);
                }
            });
        }
        finally
        {
            foreach (var r in runners)
            {
                r?.Dispose();
            }
        }

        return result;
    }

    public static int[] Predict(byte[] modelBytes, Dataset data, int limit = 0) =>
        Logits(modelBytes, data, limit).Select(l => Core.Top1.Of(l)).ToArray();

    public static (int Hits, int Count) Score(int[] predictions, Dataset data)
    {
        var hits = 0;
        for (var i = 0; i < predictions.Length; i++)
        {
            if (predictions[i] == data.Label(i))
            {
                hits++;
            }
        }

        return (hits, predictions.Length);
    }
}
