using System.Globalization;

namespace BnnCompiler.Data;

/// <summary>
/// Data sets given by path: an IDX or .npy images file, shaped by <see cref="ImageShaper"/>, with the labels found
/// beside it, given by <see cref="DataLoadOptions.LabelsPath"/>, or none.
/// </summary>
internal static class FileDatasets
{
    public static Dataset LoadIdx(string imagesPath, DataLoadOptions options)
    {
        var images = IdxReader.ReadImageArray(imagesPath);
        var name = Path.GetFileName(imagesPath);
        var at = name.IndexOf("images-idx", StringComparison.OrdinalIgnoreCase);
        var end = at + "images-idx".Length;
        while (end < name.Length && char.IsAsciiDigit(name[end]))
        {
            end++;
        }

        var sibling = Path.Combine(Path.GetDirectoryName(imagesPath) ?? "", string.Concat(name.AsSpan(0, at), "labels-idx1", name.AsSpan(end)));
        var candidates = sibling.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new[] { sibling, sibling[..^3] } : [sibling, sibling + ".gz"];
        return Build(images, options, candidates.FirstOrDefault(File.Exists), $"{sibling} (the name with labels-idx1 in place of images-idxK, plain or .gz)");
    }

    public static Dataset LoadNpy(string inputPath, DataLoadOptions options)
    {
        var input = NpyReader.Read(inputPath);
        var images = input.DType switch
        {
            NpyDType.UInt8 => new ImageArray(inputPath, "NumPy", input.Shape, input.UInt8, null),
            NpyDType.Float32 => new ImageArray(inputPath, "NumPy", input.Shape, null, input.Float32),
            _ => throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $".npy images file {inputPath} holds {input.DType}; images must be uint8 or float32 (integers 0..255, or k/255 in 0..1)"),
        };

        var name = Path.GetFileName(inputPath);
        var at = name.LastIndexOf("_input", StringComparison.Ordinal);
        string? sibling = at < 0
            ? null
            : Path.Combine(Path.GetDirectoryName(inputPath) ?? "", string.Concat(name.AsSpan(0, at), "_expected", name.AsSpan(at + "_input".Length)));
        return Build(images, options, sibling is not null && File.Exists(sibling) ? sibling : null,
            sibling is null ? "none (only an *_input*.npy has a sibling *_expected*.npy)" : $"{sibling} (the name with _expected in place of _input)");
    }

    private static Dataset Build(ImageArray images, DataLoadOptions options, string? foundLabels, string labelsSought)
    {
        var (count, channels, height, width, pixels, note) = ImageShaper.Shape(images, options);
        var labelsPath = options.LabelsPath ?? foundLabels;
        var labels = labelsPath is null ? null : ReadLabels(labelsPath);
        if (labels is not null && labels.Length != count)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.CountMismatch,
                $"images file {images.File} holds {count} images (shape {images.ShapeText}) but labels file {labelsPath} holds {labels.Length} labels; they must be equal");
        }

        var labelsText = labelsPath is null ? $"no labels (looked for {labelsSought})" : $"labels {Path.GetFullPath(labelsPath)}";
        return new Dataset(images.File, count, channels, height, width, pixels, labels,
            string.Create(CultureInfo.InvariantCulture, $"{images.File}: {note}; {labelsText}"));
    }

    /// <summary>Labels from a .npy file (int64 or uint8, shape (N,)) or an IDX labels file.</summary>
    private static byte[] ReadLabels(string path)
    {
        if (!path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            return IdxReader.ReadLabels(path);
        }

        var expected = NpyReader.Read(path);
        if (expected.Shape.Count != 1 || expected.DType == NpyDType.Float32)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $".npy labels file {path} has shape {expected.ShapeText} of {expected.DType}; labels must be int64 (or uint8) of shape (N,)");
        }

        var labels = new byte[expected.Shape[0]];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = expected.DType == NpyDType.Int64 ? expected.Int64![i] : expected.UInt8![i];
            if (label is < 0 or > 255)
            {
                throw DataDiagnostics.Error(DataDiagnostics.BadValue, $"label {label} at index {i} of {path} is outside 0..255");
            }

            labels[i] = (byte)label;
        }

        return labels;
    }
}
