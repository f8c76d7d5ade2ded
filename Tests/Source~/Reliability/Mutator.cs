using System;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>Seeded byte mutations for fuzzing: bit flips, byte overwrites, truncations, splices and chunk duplication.</summary>
    internal static class Mutator
    {
        public static byte[] Mutate(byte[] source, Random random)
        {
            byte[] bytes = (byte[])source.Clone();
            switch (random.Next(5))
            {
                case 0:
                    for (int n = random.Next(1, 9); n > 0; n--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    return bytes;
                case 1:
                    for (int n = random.Next(1, 5); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    return bytes;
                case 2:
                    return bytes.AsSpan(0, random.Next(bytes.Length)).ToArray();
                case 3:
                {
                    // Splice: copy a random block of the file over another position (field-level confusion).
                    int length = random.Next(1, Math.Min(64, bytes.Length));
                    int from = random.Next(bytes.Length - length);
                    int to = random.Next(bytes.Length - length);
                    Array.Copy(source, from, bytes, to, length);
                    return bytes;
                }
                default:
                {
                    // Duplicate or delete a block (shifts every later field and length prefix).
                    int at = random.Next(bytes.Length);
                    int length = random.Next(1, Math.Min(32, bytes.Length - at) + 1);
                    bool delete = random.Next(2) == 0;
                    var result = new byte[delete ? bytes.Length - length : bytes.Length + length];
                    Array.Copy(bytes, 0, result, 0, at);
                    if (delete) Array.Copy(bytes, at + length, result, at, bytes.Length - at - length);
                    else
                    {
                        Array.Copy(bytes, at, result, at, length);
                        Array.Copy(bytes, at, result, at + length, bytes.Length - at);
                    }
                    return result;
                }
            }
        }
    }
}
