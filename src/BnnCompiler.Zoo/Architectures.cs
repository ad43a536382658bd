namespace BnnCompiler.Zoo;

/// <summary>
/// The study's three networks, each following its Larq Zoo model (larq_zoo.literature) layer by layer,
/// with the study's changes: every weight layer binary, every weight layer's input binarized except the
/// first's (the raw image), and no softmax (the output is the logits). Where Larq puts a ReLU directly in
/// front of a layer whose input is now binarized, the binarizer takes the ReLU's place: sign(ReLU(x)) is
/// +1 everywhere and would carry nothing.
/// </summary>
internal static class Architectures
{
    private const string NoScaleBn = "BN (no scale)";

    /// <summary>
    /// Binary AlexNet (Larq Zoo <c>BinaryAlexNet</c>): five convolutions, each followed by (max pool and)
    /// BatchNormalization(scale=False, epsilon 1e-3), then three dense layers each followed by the same
    /// BatchNormalization. Larq already binarizes every weight, the first layer's included.
    /// </summary>
    public static void BinaryAlexNet(ZooNetwork n)
    {
        const double eps = 1e-3;
        var x = n.Image(3, 224, 224);
        x = n.Conv(x, "conv1", 64, 11, 4, same: true, ZooLayerKind.FirstConv, false, $"raw image in; then 3×3/2 max pool, {NoScaleBn}");
        x = n.MaxPool(x, "pool1", 3, 2, same: false);
        x = n.BatchNorm(x, "conv1.bn", scale: false, eps);
        x = n.Conv(x, "conv2", 192, 5, 1, same: true, ZooLayerKind.Conv, false, $"then 3×3/2 max pool, {NoScaleBn}");
        x = n.MaxPool(x, "pool2", 3, 2, same: false);
        x = n.BatchNorm(x, "conv2.bn", scale: false, eps);
        x = n.Conv(x, "conv3", 384, 3, 1, same: true, ZooLayerKind.Conv, false, $"then {NoScaleBn}");
        x = n.BatchNorm(x, "conv3.bn", scale: false, eps);
        x = n.Conv(x, "conv4", 384, 3, 1, same: true, ZooLayerKind.Conv, false, $"then {NoScaleBn}");
        x = n.BatchNorm(x, "conv4.bn", scale: false, eps);
        x = n.Conv(x, "conv5", 256, 3, 1, same: true, ZooLayerKind.Conv, false, $"then 3×3/2 max pool, {NoScaleBn}, flatten (6×6×256 = 9216)");
        x = n.MaxPool(x, "pool5", 3, 2, same: false);
        x = n.BatchNorm(x, "conv5.bn", scale: false, eps);
        x = n.Flatten(x, "flatten");
        x = n.Dense(x, "fc6", 4096, bias: false, false, $"then {NoScaleBn}");
        x = n.BatchNorm(x, "fc6.bn", scale: false, eps);
        x = n.Dense(x, "fc7", 4096, bias: false, false, $"then {NoScaleBn}");
        x = n.BatchNorm(x, "fc7.bn", scale: false, eps);
        x = n.Dense(x, "fc8", 1000, bias: false, false, $"then {NoScaleBn} → logits (Larq's softmax left out)");
        x = n.BatchNorm(x, "fc8.bn", scale: false, eps, output: ImageNetZoo.OutputName);
        n.Output(x, ImageNetZoo.OutputName);
    }

    /// <summary>
    /// BinaryResNetE18 (Larq Zoo <c>BinaryResNetE18</c>, Bethge et al. 2019): a full-precision 7×7/2 stem,
    /// BN, ReLU, 3×3/2 max pool, BN; then 4 stages × 4 blocks of one binary 3×3 convolution + BN added to a
    /// shortcut (identity, or 2×2/2 average pool + 1×1 convolution + BN where the width changes); final
    /// ReLU, global average pool, dense layer with bias. All BatchNormalizations have a scale, epsilon 1e-5.
    /// </summary>
    public static void BinaryResNetE18(ZooNetwork n)
    {
        const double eps = 1e-5;
        var x = n.Image(3, 224, 224);
        x = n.Conv(x, "conv1", 64, 7, 2, same: true, ZooLayerKind.FirstConv, true, "raw image in; then BN, ReLU, 3×3/2 max pool, BN");
        x = n.BatchNorm(x, "conv1.bn", scale: true, eps);
        x = n.Relu(x, "conv1.relu");
        x = n.MaxPool(x, "pool1", 3, 2, same: true);
        x = n.BatchNorm(x, "pool1.bn", scale: true, eps);

        int[] widths = [64, 128, 256, 512];
        for (var stage = 1; stage <= widths.Length; stage++)
        {
            var filters = widths[stage - 1];
            for (var block = 0; block < 4; block++)
            {
                var name = $"s{stage}.b{block}";
                var stride = stage > 1 && block == 0 ? 2 : 1;
                var downsample = x.Channels != filters;
                var shortcutNote = downsample ? $"then BN, + shortcut s{stage}.shortcut" : "then BN, + identity shortcut";
                var main = n.Conv(x, name, filters, 3, stride, same: true, ZooLayerKind.Conv, false, shortcutNote);
                main = n.BatchNorm(main, name + ".bn", scale: true, eps);
                var residual = x;
                if (downsample)
                {
                    var shortcut = $"s{stage}.shortcut";
                    residual = n.AveragePool(x, shortcut + ".pool", 2, 2);
                    residual = n.Conv(residual, shortcut, filters, 1, 1, same: false, ZooLayerKind.ShortcutConv, true,
                        $"2×2/2 average pool of s{stage}.b0's input in front; then BN");
                    residual = n.BatchNorm(residual, shortcut + ".bn", scale: true, eps);
                }

                x = n.Add(main, residual, name + ".add");
            }
        }

        // Larq: ReLU, global pool, dense. The binarizer in front of the dense layer replaces the ReLU.
        x = n.GlobalAveragePool(x, "gap");
        x = n.Flatten(x, "flatten");
        x = n.Dense(x, "fc", 1000, bias: true, true,
            "after global average pool (Larq's ReLU replaced by the binarizer); bias; Larq's softmax left out",
            output: ImageNetZoo.OutputName);
        n.Output(x, ImageNetZoo.OutputName);
    }

    /// <summary>
    /// BinaryDenseNet28 (Larq Zoo <c>BinaryDenseNet28</c>, Bethge et al. 2019): a full-precision 7×7/2 stem,
    /// BN, ReLU, 3×3/2 max pool; four dense blocks of 6/6/6/5 layers, each BN → binary 3×3 convolution
    /// (growth 64) → concatenation with its input; between blocks BN, 2×2/2 max pool, ReLU and a
    /// full-precision 1×1 transition convolution (reduction 2.7, 2.7, 2.2, rounded to a multiple of 32);
    /// final BN, ReLU, global average pool, dense layer with bias. All BatchNormalizations have a scale,
    /// epsilon 1e-5.
    /// </summary>
    public static void BinaryDenseNet28(ZooNetwork n)
    {
        const double eps = 1e-5;
        const int growth = 64;
        int[] layersPerBlock = [6, 6, 6, 5];
        double[] reduction = [2.7, 2.7, 2.2];

        var x = n.Image(3, 224, 224);
        x = n.Conv(x, "conv1", 64, 7, 2, same: true, ZooLayerKind.FirstConv, true, "raw image in; then BN, ReLU, 3×3/2 max pool");
        x = n.BatchNorm(x, "conv1.bn", scale: true, eps);
        x = n.Relu(x, "conv1.relu");
        x = n.MaxPool(x, "pool1", 3, 2, same: true);

        for (var block = 0; block < layersPerBlock.Length; block++)
        {
            for (var layer = 0; layer < layersPerBlock[block]; layer++)
            {
                var name = $"b{block + 1}.l{layer}";
                var y = n.BatchNorm(x, name + ".bn", scale: true, eps);
                y = n.Conv(y, name, growth, 3, 1, same: true, ZooLayerKind.Conv, false,
                    $"BN in front; output concatenated to the input ({x.Channels} → {x.Channels + growth} channels)");
                x = n.Concat(x, y, name + ".concat");
            }

            if (block < layersPerBlock.Length - 1)
            {
                var name = $"trans{block + 1}";
                x = n.BatchNorm(x, name + ".bn", scale: true, eps);
                x = n.MaxPool(x, name + ".pool", 2, 2, same: false);
                var filters = TransitionWidth(x.Channels, reduction[block]);
                x = n.Conv(x, name, filters, 1, 1, same: false, ZooLayerKind.TransitionConv, true,
                    "BN, 2×2/2 max pool in front (Larq's ReLU replaced by the binarizer)");
            }
        }

        // Larq: BN, ReLU, global pool, dense. The binarizer in front of the dense layer replaces the ReLU.
        x = n.BatchNorm(x, "final.bn", scale: true, eps);
        x = n.GlobalAveragePool(x, "gap");
        x = n.Flatten(x, "flatten");
        x = n.Dense(x, "fc", 1000, bias: true, true,
            "after BN, global average pool (Larq's ReLU replaced by the binarizer); bias; Larq's softmax left out",
            output: ImageNetZoo.OutputName);
        n.Output(x, ImageNetZoo.OutputName);
    }

    /// <summary>
    /// Larq's <c>round(channels // reduction / 32) * 32</c>: Python's floor division of an int by a float,
    /// then round-half-to-even.
    /// </summary>
    internal static int TransitionWidth(int channels, double reduction) =>
        (int)Math.Round(Math.Floor(channels / reduction) / 32, MidpointRounding.ToEven) * 32;
}
