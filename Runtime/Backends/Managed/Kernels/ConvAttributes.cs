using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Validated 2-D attributes shared by Conv and ConvTranspose.</summary>
    internal sealed class ConvAttributes
    {
        public ConvAttributes(OnnxNode node, int kernelH, int kernelW)
        {
            string autoPad = node.GetString("auto_pad", "NOTSET");
            if (autoPad != "NOTSET" && autoPad != "VALID" && autoPad != "")
                throw new VaeModelException($"ONNX node {node.Describe()} uses auto_pad {autoPad}; the managed backend supports NOTSET (explicit pads) and VALID only.");
            if (node.GetInt("group", 1) != 1)
                throw new VaeModelException($"ONNX node {node.Describe()} uses group {node.GetInt("group", 1)}; the managed backend supports group 1 only.");
            long[]? kernelShape = node.GetInts("kernel_shape");
            if (kernelShape != null && kernelShape.Length > 0 && (kernelShape.Length != 2 || kernelShape[0] != kernelH || kernelShape[1] != kernelW))
                throw new VaeModelException($"ONNX node {node.Describe()} has a kernel_shape that does not match its 2-D weights.");
            long[] strides = Pair(node, "strides", 1);
            long[] dilations = Pair(node, "dilations", 1);
            long[]? pads = node.GetInts("pads");
            if (pads != null && pads.Length != 0 && pads.Length != 4) throw new VaeModelException($"ONNX node {node.Describe()} needs 4 pads for a 2-D convolution.");
            bool noPads = pads == null || pads.Length == 0 || autoPad == "VALID";
            StrideH = (int)strides[0]; StrideW = (int)strides[1];
            DilationH = (int)dilations[0]; DilationW = (int)dilations[1];
            PadTop = noPads ? 0 : (int)pads![0]; PadLeft = noPads ? 0 : (int)pads![1];
            PadBottom = noPads ? 0 : (int)pads![2]; PadRight = noPads ? 0 : (int)pads![3];
            KernelH = kernelH; KernelW = kernelW;
            if (StrideH < 1 || StrideW < 1 || DilationH < 1 || DilationW < 1 || PadTop < 0 || PadLeft < 0 || PadBottom < 0 || PadRight < 0)
                throw new VaeModelException($"ONNX node {node.Describe()} has invalid strides, dilations or pads.");
        }

        public int KernelH { get; }
        public int KernelW { get; }
        public int StrideH { get; }
        public int StrideW { get; }
        public int DilationH { get; }
        public int DilationW { get; }
        public int PadTop { get; }
        public int PadLeft { get; }
        public int PadBottom { get; }
        public int PadRight { get; }

        private static long[] Pair(OnnxNode node, string name, long defaultValue)
        {
            long[]? values = node.GetInts(name);
            if (values == null || values.Length == 0) return new[] { defaultValue, defaultValue };
            if (values.Length != 2) throw new VaeModelException($"ONNX node {node.Describe()} needs 2 {name} for a 2-D convolution.");
            return values;
        }
    }
}
