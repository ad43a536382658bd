namespace BnnCompiler.Zoo.Tests;

/// <summary>
/// The study's layer lists (shared/docs/study-layer-lists.txt, derived from Larq Zoo's model definitions),
/// copied verbatim. The tests parse them and hold the generator to every row and every total.
/// Convention of this file that differs from ZooLayer's: a ResNet-E shortcut is written as the 1×1
/// convolution with stride 2 on the block's 56×56 input, standing for the 2×2/2 average pool followed by a
/// stride-1 1×1 convolution on 28×28 (same weights, same MACs).
/// </summary>
internal static class StudyLayerLists
{
    public const string Text = """
        == alexnet: 8 layers
           1 conv1 11x11/4                          in 224x224 Cin     3 k11 s4 Cout    64 -> out  56  W=    23232  MAC=   72855552  NS-windows=2809
           2 conv2 5x5                              in  27x27  Cin    64 k5  s1 Cout   192 -> out  27  W=   307200  MAC=  223948800  NS-windows=529
           3 conv3 3x3                              in  13x13  Cin   192 k3  s1 Cout   384 -> out  13  W=   663552  MAC=  112140288  NS-windows=121
           4 conv4 3x3                              in  13x13  Cin   384 k3  s1 Cout   384 -> out  13  W=  1327104  MAC=  224280576  NS-windows=121
           5 conv5 3x3                              in  13x13  Cin   384 k3  s1 Cout   256 -> out  13  W=   884736  MAC=  149520384  NS-windows=121
           6 fc6 (1x1 conv on 9216)                 in   1x1   Cin  9216 k1  s1 Cout  4096 -> out   1  W= 37748736  MAC=   37748736  NS-windows=1
           7 fc7                                    in   1x1   Cin  4096 k1  s1 Cout  4096 -> out   1  W= 16777216  MAC=   16777216  NS-windows=1
           8 fc8                                    in   1x1   Cin  4096 k1  s1 Cout  1000 -> out   1  W=  4096000  MAC=    4096000  NS-windows=1
          conv/dense weights 61827776 ; + BN 31416 + bias 0 = 61859192 params (Larq Zoo docs: 61859192, diff +0)
          true MACs (same padding) 0.8414 G ; NeuroSim-read MACs (no padding) 0.6343 G ; NeuroSim op count 2*H*W*Cin*K^2*Cout = 3.8684 G (paper-implied 3.8660 G, ratio 1.0006)
        == resnete18: 21 layers
           1 conv1 7x7/2 (fp)                       in 224x224 Cin     3 k7  s2 Cout    64 -> out 112  W=     9408  MAC=  118013952  NS-windows=11881
           2 s1.b0 3x3                              in  56x56  Cin    64 k3  s1 Cout    64 -> out  56  W=    36864  MAC=  115605504  NS-windows=2916
           3 s1.b1 3x3                              in  56x56  Cin    64 k3  s1 Cout    64 -> out  56  W=    36864  MAC=  115605504  NS-windows=2916
           4 s1.b2 3x3                              in  56x56  Cin    64 k3  s1 Cout    64 -> out  56  W=    36864  MAC=  115605504  NS-windows=2916
           5 s1.b3 3x3                              in  56x56  Cin    64 k3  s1 Cout    64 -> out  56  W=    36864  MAC=  115605504  NS-windows=2916
           6 s2.b0 3x3/2                            in  56x56  Cin    64 k3  s2 Cout   128 -> out  28  W=    73728  MAC=   57802752  NS-windows=729
           7 s2 shortcut avgpool2+1x1 (fp)          in  56x56  Cin    64 k1  s2 Cout   128 -> out  28  W=     8192  MAC=    6422528  NS-windows=784
           8 s2.b1 3x3                              in  28x28  Cin   128 k3  s1 Cout   128 -> out  28  W=   147456  MAC=  115605504  NS-windows=676
           9 s2.b2 3x3                              in  28x28  Cin   128 k3  s1 Cout   128 -> out  28  W=   147456  MAC=  115605504  NS-windows=676
          10 s2.b3 3x3                              in  28x28  Cin   128 k3  s1 Cout   128 -> out  28  W=   147456  MAC=  115605504  NS-windows=676
          11 s3.b0 3x3/2                            in  28x28  Cin   128 k3  s2 Cout   256 -> out  14  W=   294912  MAC=   57802752  NS-windows=169
          12 s3 shortcut avgpool2+1x1 (fp)          in  28x28  Cin   128 k1  s2 Cout   256 -> out  14  W=    32768  MAC=    6422528  NS-windows=196
          13 s3.b1 3x3                              in  14x14  Cin   256 k3  s1 Cout   256 -> out  14  W=   589824  MAC=  115605504  NS-windows=144
          14 s3.b2 3x3                              in  14x14  Cin   256 k3  s1 Cout   256 -> out  14  W=   589824  MAC=  115605504  NS-windows=144
          15 s3.b3 3x3                              in  14x14  Cin   256 k3  s1 Cout   256 -> out  14  W=   589824  MAC=  115605504  NS-windows=144
          16 s4.b0 3x3/2                            in  14x14  Cin   256 k3  s2 Cout   512 -> out   7  W=  1179648  MAC=   57802752  NS-windows=36
          17 s4 shortcut avgpool2+1x1 (fp)          in  14x14  Cin   256 k1  s2 Cout   512 -> out   7  W=   131072  MAC=    6422528  NS-windows=49
          18 s4.b1 3x3                              in   7x7   Cin   512 k3  s1 Cout   512 -> out   7  W=  2359296  MAC=  115605504  NS-windows=25
          19 s4.b2 3x3                              in   7x7   Cin   512 k3  s1 Cout   512 -> out   7  W=  2359296  MAC=  115605504  NS-windows=25
          20 s4.b3 3x3                              in   7x7   Cin   512 k3  s1 Cout   512 -> out   7  W=  2359296  MAC=  115605504  NS-windows=25
          21 fc 512->1000 (fp, bias)                in   1x1   Cin   512 k1  s1 Cout  1000 -> out   1  W=   512000  MAC=     512000  NS-windows=1
          conv/dense weights 11678912 ; + BN 19456 + bias 1000 = 11699368 params (Larq Zoo docs: 11699368, diff +0)
          true MACs (same padding) 1.8141 G ; NeuroSim-read MACs (no padding) 1.4384 G ; NeuroSim op count 2*H*W*Cin*K^2*Cout = 5.4923 G (paper-implied 5.4925 G, ratio 1.0000)
        == densenet28: 28 layers
           1 conv1 7x7/2 (fp)                       in 224x224 Cin     3 k7  s2 Cout    64 -> out 112  W=     9408  MAC=  118013952  NS-windows=11881
           2 b1.l0 3x3 (Cin=64)                     in  56x56  Cin    64 k3  s1 Cout    64 -> out  56  W=    36864  MAC=  115605504  NS-windows=2916
           3 b1.l1 3x3 (Cin=128)                    in  56x56  Cin   128 k3  s1 Cout    64 -> out  56  W=    73728  MAC=  231211008  NS-windows=2916
           4 b1.l2 3x3 (Cin=192)                    in  56x56  Cin   192 k3  s1 Cout    64 -> out  56  W=   110592  MAC=  346816512  NS-windows=2916
           5 b1.l3 3x3 (Cin=256)                    in  56x56  Cin   256 k3  s1 Cout    64 -> out  56  W=   147456  MAC=  462422016  NS-windows=2916
           6 b1.l4 3x3 (Cin=320)                    in  56x56  Cin   320 k3  s1 Cout    64 -> out  56  W=   184320  MAC=  578027520  NS-windows=2916
           7 b1.l5 3x3 (Cin=384)                    in  56x56  Cin   384 k3  s1 Cout    64 -> out  56  W=   221184  MAC=  693633024  NS-windows=2916
           8 trans1 1x1 (fp) after maxpool2         in  28x28  Cin   448 k1  s1 Cout   160 -> out  28  W=    71680  MAC=   56197120  NS-windows=784
           9 b2.l0 3x3 (Cin=160)                    in  28x28  Cin   160 k3  s1 Cout    64 -> out  28  W=    92160  MAC=   72253440  NS-windows=676
          10 b2.l1 3x3 (Cin=224)                    in  28x28  Cin   224 k3  s1 Cout    64 -> out  28  W=   129024  MAC=  101154816  NS-windows=676
          11 b2.l2 3x3 (Cin=288)                    in  28x28  Cin   288 k3  s1 Cout    64 -> out  28  W=   165888  MAC=  130056192  NS-windows=676
          12 b2.l3 3x3 (Cin=352)                    in  28x28  Cin   352 k3  s1 Cout    64 -> out  28  W=   202752  MAC=  158957568  NS-windows=676
          13 b2.l4 3x3 (Cin=416)                    in  28x28  Cin   416 k3  s1 Cout    64 -> out  28  W=   239616  MAC=  187858944  NS-windows=676
          14 b2.l5 3x3 (Cin=480)                    in  28x28  Cin   480 k3  s1 Cout    64 -> out  28  W=   276480  MAC=  216760320  NS-windows=676
          15 trans2 1x1 (fp) after maxpool2         in  14x14  Cin   544 k1  s1 Cout   192 -> out  14  W=   104448  MAC=   20471808  NS-windows=196
          16 b3.l0 3x3 (Cin=192)                    in  14x14  Cin   192 k3  s1 Cout    64 -> out  14  W=   110592  MAC=   21676032  NS-windows=144
          17 b3.l1 3x3 (Cin=256)                    in  14x14  Cin   256 k3  s1 Cout    64 -> out  14  W=   147456  MAC=   28901376  NS-windows=144
          18 b3.l2 3x3 (Cin=320)                    in  14x14  Cin   320 k3  s1 Cout    64 -> out  14  W=   184320  MAC=   36126720  NS-windows=144
          19 b3.l3 3x3 (Cin=384)                    in  14x14  Cin   384 k3  s1 Cout    64 -> out  14  W=   221184  MAC=   43352064  NS-windows=144
          20 b3.l4 3x3 (Cin=448)                    in  14x14  Cin   448 k3  s1 Cout    64 -> out  14  W=   258048  MAC=   50577408  NS-windows=144
          21 b3.l5 3x3 (Cin=512)                    in  14x14  Cin   512 k3  s1 Cout    64 -> out  14  W=   294912  MAC=   57802752  NS-windows=144
          22 trans3 1x1 (fp) after maxpool2         in   7x7   Cin   576 k1  s1 Cout   256 -> out   7  W=   147456  MAC=    7225344  NS-windows=49
          23 b4.l0 3x3 (Cin=256)                    in   7x7   Cin   256 k3  s1 Cout    64 -> out   7  W=   147456  MAC=    7225344  NS-windows=25
          24 b4.l1 3x3 (Cin=320)                    in   7x7   Cin   320 k3  s1 Cout    64 -> out   7  W=   184320  MAC=    9031680  NS-windows=25
          25 b4.l2 3x3 (Cin=384)                    in   7x7   Cin   384 k3  s1 Cout    64 -> out   7  W=   221184  MAC=   10838016  NS-windows=25
          26 b4.l3 3x3 (Cin=448)                    in   7x7   Cin   448 k3  s1 Cout    64 -> out   7  W=   258048  MAC=   12644352  NS-windows=25
          27 b4.l4 3x3 (Cin=512)                    in   7x7   Cin   512 k3  s1 Cout    64 -> out   7  W=   294912  MAC=   14450688  NS-windows=25
          28 fc 576->1000 (fp, bias)                in   1x1   Cin   576 k1  s1 Cout  1000 -> out   1  W=   576000  MAC=     576000  NS-windows=1
          conv/dense weights 5111488 ; + BN 38016 + bias 1000 = 5150504 params (Larq Zoo docs: 5150504, diff +0)
          true MACs (same padding) 3.7899 G ; NeuroSim-read MACs (no padding) 3.4041 G ; NeuroSim op count 2*H*W*Cin*K^2*Cout = 8.2878 G (paper-implied 8.2870 G, ratio 1.0001)
        """;
}
