using System.Globalization;

namespace BnnCompiler.Data;

/// <summary>
/// Turns an images file's array into channel-major 0..255 pixel bytes: decides the axis order of a 4-D array
/// (<see cref="DataLayout"/>), transposes channel-last images, and reads float32 values as 8-bit pixel codes.
/// </summary>
internal static class ImageShaper
{
    /// <summary>Largest distance from an integer that a float32 pixel·255 may have when the file holds 0..1 values.</summary>
    private const float UnitTolerance = 1e-3f;

    /// <summary>Count, channels, height, width, the channel-major bytes and a note on how the file was read.</summary>
    public static (int Count, int Channels, int Height, int Width, byte[] Pixels, string Note) Shape(ImageArray array, DataLoadOptions options)
    {
        var shape = array.Shape;
        if (shape.Count is not (3 or 4) || shape.Skip(1).Any(d => d == 0))
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $"{array.Format} images file {array.File} has shape {array.ShapeText}; supported are (N, H, W), (N, C, H, W) and (N, H, W, C) " +
                "with no empty axis, e.g. (N, 28, 28), (N, 3, 32, 32) or (N, 32, 32, 3)");
        }

        var (layout, why) = shape.Count == 3 ? (DataLayout.Nchw, "one channel") : Resolve(array, options);
        int count = shape[0], channels, height, width;
        if (shape.Count == 3)
        {
            (channels, height, width) = (1, shape[1], shape[2]);
        }
        else if (layout == DataLayout.Nchw)
        {
            (channels, height, width) = (shape[1], shape[2], shape[3]);
        }
        else
        {
            (height, width, channels) = (shape[1], shape[2], shape[3]);
        }

        var (codes, values) = array.UInt8 is { } bytes ? (bytes, "uint8 0..255") : FromFloats(array.Float32!, array, channels * height * width);
        var pixels = layout == DataLayout.Nhwc && channels > 1 ? ToChannelMajor(codes, count, channels, height * width) : codes;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} images {channels}×{height}×{width} (C×H×W) from {array.Format} {array.ShapeText} {values}, {(shape.Count == 3 ? "(N, H, W)" : layout == DataLayout.Nchw ? "NCHW" : "NHWC")} ({why})");
        return (count, channels, height, width, pixels, note);
    }

    private static (DataLayout Layout, string Why) Resolve(ImageArray array, DataLoadOptions options)
    {
        if (options.Layout != DataLayout.Auto)
        {
            return (options.Layout, "--layout");
        }

        int a = array.Shape[1], b = array.Shape[2], c = array.Shape[3];
        if (options.ModelInput is { Count: 3 } m)
        {
            var model = $"{m[0]}×{m[1]}×{m[2]}";
            if (a == m[0] && b == m[1] && c == m[2])
            {
                return (DataLayout.Nchw, $"the model's input is C×H×W = {model}");
            }

            if (a == m[1] && b == m[2] && c == m[0])
            {
                return (DataLayout.Nhwc, $"the model's input is C×H×W = {model}");
            }

            throw DataDiagnostics.Error(
                DataDiagnostics.ShapeMismatch,
                $"images file {array.File} has shape {array.ShapeText}, which fits the model's input C×H×W = {model} neither as " +
                $"(N, {m[0]}, {m[1]}, {m[2]}) (NCHW) nor as (N, {m[1]}, {m[2]}, {m[0]}) (NHWC)");
        }

        return c <= 4 && c < a
            ? (DataLayout.Nhwc, "its last axis is 4 or less and shorter than its second")
            : (DataLayout.Nchw, "no model input to match; its last axis is not a channel axis (4 or less, shorter than the second)");
    }

    /// <summary>Float32 pixels as codes: integers 0..255 as they are, or values k/255 in 0..1 as k.</summary>
    private static (byte[] Codes, string Values) FromFloats(float[] values, ImageArray array, int imageSize)
    {
        var integers = Array.TrueForAll(values, v => v >= 0 && v <= 255 && v == MathF.Floor(v));
        var unit = !integers && Array.TrueForAll(values, v => v >= 0 && v <= 1 && MathF.Abs((v * 255) - MathF.Round(v * 255)) <= UnitTolerance);
        if (!integers && !unit)
        {
            var i = Array.FindIndex(values, v => !(v >= 0 && v <= 255 && v == MathF.Floor(v)));
            var j = Array.FindIndex(values, v => !(v >= 0 && v <= 1 && MathF.Abs((v * 255) - MathF.Round(v * 255)) <= UnitTolerance));
            var (bad, at) = values.Any(v => v > 1) ? (values[i], i) : (values[j], j);
            throw DataDiagnostics.Error(
                DataDiagnostics.BadValue,
                string.Create(CultureInfo.InvariantCulture,
                    $"value {bad:R} of image {at / imageSize}, element {at % imageSize} in {array.File} is not an 8-bit pixel; float32 images must hold integers 0..255 or values k/255 in 0..1 (not mean/std-normalised data: the crossbar applies the image as 8-bit codes; --input-scale states how the model scales them)"));
        }

        var codes = new byte[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            codes[k] = (byte)(integers ? values[k] : MathF.Round(values[k] * 255));
        }

        return (codes, integers ? "float32 integers 0..255" : "float32 k/255 in 0..1, read as pixel k");
    }

    private static byte[] ToChannelMajor(byte[] channelLast, int count, int channels, int pixels)
    {
        var result = new byte[channelLast.Length];
        var size = channels * pixels;
        for (var n = 0; n < count; n++)
        {
            var source = channelLast.AsSpan(n * size, size);
            var target = result.AsSpan(n * size, size);
            for (var p = 0; p < pixels; p++)
            {
                for (var c = 0; c < channels; c++)
                {
                    target[(c * pixels) + p] = source[(p * channels) + c];
                }
            }
        }

        return result;
    }
}
