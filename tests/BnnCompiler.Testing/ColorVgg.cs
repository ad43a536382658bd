using BnnCompiler.Zoo;

namespace BnnCompiler.Testing;

/// <summary>
/// A small VGG-style BNN on C×S×S colour images for tests (<see cref="VggZoo"/>):
/// conv3×3 C→w1 (the 8-bit image in) → BN → sign → conv w1→w1 → maxpool2 → BN → sign → conv w1→w2 → maxpool2 → BN → sign
/// → conv w2→w2 → maxpool2 → BN → sign → flatten → fc → BN → sign → fc 10 → BN → logits.
/// </summary>
public static class ColorVgg
{
    /// <param name="seed">Seed of every weight and BatchNorm parameter.</param>
    /// <param name="channels">Image channels C.</param>
    /// <param name="size">Image height and width S, a multiple of 8.</param>
    /// <param name="rawPixels">True: the model takes pixels 0..255 (metadata bnnc.input_range = 0-255); false: pixel / 255.</param>
    /// <param name="widths">Channels of the first and the last two convolutions, and the hidden dense width.</param>
    public static byte[] Build(int seed, int channels = 3, int size = 32, bool rawPixels = true, (int W1, int W2, int Fc)? widths = null)
    {
        var (w1, w2, fc) = widths ?? (16, 32, 64);
        var layout = new VggLayout(channels, size, [(w1, false), (w1, true), (w2, true), (w2, true)], [fc]);
        return VggZoo.Build(layout, seed, rawPixels, $"color_vgg_{channels}x{size}x{size}");
    }

    /// <summary>Seeded colour images, N×C×S×S bytes (NCHW); see <see cref="VggZoo.Images"/>.</summary>
    public static byte[] Images(int count, int channels, int size, int seed) => VggZoo.Images(count, channels, size, seed);
}
