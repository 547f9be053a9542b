using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Torch.Tests.NN;

/// <summary>torchvision's BasicBlock, written the way a port would: fields named as torchvision's attributes.</summary>
sealed class BasicBlock : Module<Tensor, Tensor>
{
    readonly Conv2d conv1;
    readonly BatchNorm2d bn1;
    readonly ReLU relu = ReLU(inplace: true);
    readonly Conv2d conv2;
    readonly BatchNorm2d bn2;
    readonly Sequential? downsample;

    public BasicBlock(long inplanes, long planes, long stride)
    {
        conv1 = Conv2d(inplanes, planes, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(planes);
        conv2 = Conv2d(planes, planes, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(planes);
        if (stride != 1 || inplanes != planes)
            downsample = Sequential(Conv2d(inplanes, planes, 1, stride: stride, bias: false), BatchNorm2d(planes));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var h = bn2.call(conv2.call(relu.call(bn1.call(conv1.call(x)))));
        var identity = downsample?.call(x) ?? x;
        return relu.call(h + identity).MoveToOuterDisposeScope();
    }
}

/// <summary>torchvision.models.resnet18's module tree (names, order and shapes).</summary>
sealed class ResNet18 : Module<Tensor, Tensor>
{
    readonly Conv2d conv1 = Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
    readonly BatchNorm2d bn1 = BatchNorm2d(64);
    readonly ReLU relu = ReLU(inplace: true);
    readonly MaxPool2d maxpool = MaxPool2d(3, stride: 2, padding: 1);
    readonly Sequential layer1 = Layer(64, 64, 1), layer2 = Layer(64, 128, 2), layer3 = Layer(128, 256, 2), layer4 = Layer(256, 512, 2);
    readonly AdaptiveAvgPool2d avgpool = AdaptiveAvgPool2d(1);
    readonly Linear fc = Linear(512, 1000);

    public ResNet18() => RegisterComponents();

    static Sequential Layer(long inplanes, long planes, long stride) =>
        Sequential(new BasicBlock(inplanes, planes, stride), new BasicBlock(planes, planes, 1));

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var h = maxpool.call(relu.call(bn1.call(conv1.call(x))));
        h = layer4.call(layer3.call(layer2.call(layer1.call(h))));
        return fc.call(avgpool.call(h).flatten(1)).MoveToOuterDisposeScope();
    }
}
