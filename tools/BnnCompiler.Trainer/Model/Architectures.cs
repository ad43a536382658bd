using System.Globalization;
using BnnCompiler.Onnx.Building;
using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>The architectures of the model zoo.</summary>
internal static class Architectures
{
    public static readonly string[] Names = ["mlp", "cnn", "rescnn"];

    /// <summary>
    /// Builds <paramref name="arch"/> with the given widths (null: the zoo's defaults).
    /// mlp: hidden sizes (default 512,512); cnn: c1,c2,fc (default 32,64,256); rescnn: channels,blocks at 14×14,blocks at 7×7 (default 64,3,1).
    /// </summary>
    public static Network Build(string arch, int[]? widths, Rng rng)
    {
        var input = new Shape(1, 28, 28);
        return arch switch
        {
            "mlp" => Mlp(widths ?? [512, 512], input, rng),
            "cnn" => Cnn(widths ?? [32, 64, 256], input, rng),
            "rescnn" => ResCnn(widths ?? [64, 3, 1], input, rng),
            _ => throw new ArgumentException($"unknown architecture '{arch}' ({string.Join(", ", Names)})"),
        };
    }

    public static string WidthsText(string arch, int[]? widths) =>
        string.Join(",", widths ?? (arch switch { "mlp" => [512, 512], "cnn" => [32, 64, 256], _ => [64, 3, 1] }))
            .ToString(CultureInfo.InvariantCulture);

    private static Network Mlp(int[] hidden, Shape input, Rng rng)
    {
        var layers = new List<Module> { new Flatten("flatten") };
        var inFeatures = input.Size;
        for (var i = 0; i < hidden.Length; i++)
        {
            layers.Add(new BinaryLinear($"fc{i + 1}", inFeatures, hidden[i], scaled: false, inputIsImage: i == 0, rng.Fork((ulong)i + 1)));
            layers.Add(new BatchNorm($"bn{i + 1}", hidden[i]));
            layers.Add(new Sign($"sign{i + 1}"));
            inFeatures = hidden[i];
        }

        var last = hidden.Length + 1;
        layers.Add(new BinaryLinear($"fc{last}", inFeatures, 10, scaled: false, inputIsImage: hidden.Length == 0, rng.Fork((ulong)last)));
        layers.Add(new BatchNorm($"bn{last}", 10));
        return new Network("mlp", new Sequential("mlp", layers), input);
    }

    private static Network Cnn(int[] w, Shape input, Rng rng)
    {
        if (w.Length != 3)
        {
            throw new ArgumentException("cnn widths: c1,c2,fc");
        }

        int c1 = w[0], c2 = w[1], fc = w[2];
        var layers = new List<Module>
        {
            new BinaryConv2d("conv1", 1, c1, scaled: false, inputIsImage: true, rng.Fork(1)),
            new BatchNorm("bn1", c1),
            new Sign("sign1"),
            new BinaryConv2d("conv2", c1, c1, scaled: false, inputIsImage: false, rng.Fork(2)),
            new MaxPool2("pool1"),
            new BatchNorm("bn2", c1),
            new Sign("sign2"),
            new BinaryConv2d("conv3", c1, c2, scaled: false, inputIsImage: false, rng.Fork(3)),
            new BatchNorm("bn3", c2),
            new Sign("sign3"),
            new BinaryConv2d("conv4", c2, c2, scaled: false, inputIsImage: false, rng.Fork(4)),
            new MaxPool2("pool2"),
            new BatchNorm("bn4", c2),
            new Sign("sign4"),
            new Flatten("flatten"),
            new BinaryLinear("fc1", c2 * 7 * 7, fc, scaled: false, inputIsImage: false, rng.Fork(5)),
            new BatchNorm("bn5", fc),
            new Sign("sign5"),
            new BinaryLinear("fc2", fc, 10, scaled: false, inputIsImage: false, rng.Fork(6)),
            new BatchNorm("bn6", 10),
        };
        return new Network("cnn", new Sequential("cnn", layers), input);
    }

    private static Network ResCnn(int[] w, Shape input, Rng rng)
    {
        if (w.Length != 3)
        {
            throw new ArgumentException("rescnn widths: channels,blocks at 14×14,blocks at 7×7");
        }

        int c = w[0], blocks14 = w[1], blocks7 = w[2];
        ulong salt = 1;
        var layers = new List<Module>
        {
            new BinaryConv2d("conv0", 1, c, scaled: false, inputIsImage: true, rng.Fork(salt++)),
            new BatchNorm("bn0", c),
            new MaxPool2("pool0"),
        };
        var block = 1;
        for (var i = 0; i < blocks14; i++, block++)
        {
            layers.Add(ResBlock(block, c, rng.Fork(salt++)));
        }

        layers.Add(new MaxPool2("pool1"));
        for (var i = 0; i < blocks7; i++, block++)
        {
            layers.Add(ResBlock(block, c, rng.Fork(salt++)));
        }

        layers.Add(new Sign("sign_head"));
        layers.Add(new Flatten("flatten"));
        layers.Add(new BinaryLinear("fc", c * 7 * 7, 10, scaled: true, inputIsImage: false, rng.Fork(salt)));
        layers.Add(new BatchNorm("bn_fc", 10));
        return new Network("rescnn", new Sequential("rescnn", layers), input);
    }

    private static Residual ResBlock(int index, int c, Rng rng) =>
        new($"block{index}",
        [
            new Sign($"block{index}.sign"),
            new BinaryConv2d($"block{index}.conv", c, c, scaled: true, inputIsImage: false, rng),
            new BatchNorm($"block{index}.bn", c),
        ]);
}
