using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VaeProcgen.Contract
{
    /// <summary>
    /// A small strict JSON reader/writer for contract values (labels, legend, palette), so the runtime needs
    /// no JSON package. Values become string, double, bool, null, List&lt;object?&gt; or Dictionary&lt;string, object?&gt;.
    /// Throws <see cref="FormatException"/> on malformed text.
    /// </summary>
    internal static class ContractJson
    {
        private const int MaxDepth = 32;

        public static object? Parse(string text)
        {
            int position = 0;
            object? value = ReadValue(text, ref position, 0);
            SkipWhitespace(text, ref position);
            if (position != text.Length) throw new FormatException($"unexpected text at offset {position}");
            return value;
        }

        public static List<string> ParseStringArray(string text)
        {
            if (!(Parse(text) is List<object?> items)) throw new FormatException("expected a JSON array");
            var result = new List<string>(items.Count);
            foreach (object? item in items)
            {
                if (!(item is string s)) throw new FormatException("expected an array of strings");
                result.Add(s);
            }
            return result;
        }

        public static string Quote(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }

        private static object? ReadValue(string text, ref int position, int depth)
        {
            if (depth > MaxDepth) throw new FormatException("nesting is too deep");
            SkipWhitespace(text, ref position);
            if (position >= text.Length) throw new FormatException("unexpected end of text");
            char c = text[position];
            switch (c)
            {
                case '"': return ReadString(text, ref position);
                case '[': return ReadArray(text, ref position, depth);
                case '{': return ReadObject(text, ref position, depth);
                case 't': Expect(text, ref position, "true"); return true;
                case 'f': Expect(text, ref position, "false"); return false;
                case 'n': Expect(text, ref position, "null"); return null;
                default: return ReadNumber(text, ref position);
            }
        }

        private static List<object?> ReadArray(string text, ref int position, int depth)
        {
            var items = new List<object?>();
            position++;
            SkipWhitespace(text, ref position);
            if (position < text.Length && text[position] == ']') { position++; return items; }
            while (true)
            {
                items.Add(ReadValue(text, ref position, depth + 1));
                SkipWhitespace(text, ref position);
                if (position >= text.Length) throw new FormatException("unterminated array");
                if (text[position] == ',') { position++; continue; }
                if (text[position] == ']') { position++; return items; }
                throw new FormatException($"expected ',' or ']' at offset {position}");
            }
        }

        private static Dictionary<string, object?> ReadObject(string text, ref int position, int depth)
        {
            var members = new Dictionary<string, object?>(StringComparer.Ordinal);
            position++;
            SkipWhitespace(text, ref position);
            if (position < text.Length && text[position] == '}') { position++; return members; }
            while (true)
            {
                SkipWhitespace(text, ref position);
                if (position >= text.Length || text[position] != '"') throw new FormatException($"expected a member name at offset {position}");
                string name = ReadString(text, ref position);
                SkipWhitespace(text, ref position);
                if (position >= text.Length || text[position] != ':') throw new FormatException($"expected ':' at offset {position}");
                position++;
                members[name] = ReadValue(text, ref position, depth + 1);
                SkipWhitespace(text, ref position);
                if (position >= text.Length) throw new FormatException("unterminated object");
                if (text[position] == ',') { position++; continue; }
                if (text[position] == '}') { position++; return members; }
                throw new FormatException($"expected ',' or '}}' at offset {position}");
            }
        }

        private static string ReadString(string text, ref int position)
        {
            var sb = new StringBuilder();
            position++;
            while (position < text.Length)
            {
                char c = text[position++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                if (position >= text.Length) break;
                char e = text[position++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (position + 4 > text.Length || !int.TryParse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new FormatException($"bad \\u escape at offset {position}");
                        }
                        sb.Append((char)code);
                        position += 4;
                        break;
                    default: throw new FormatException($"bad escape at offset {position}");
                }
            }
            throw new FormatException("unterminated string");
        }

        private static double ReadNumber(string text, ref int position)
        {
            int start = position;
            while (position < text.Length && "+-0123456789.eE".IndexOf(text[position]) >= 0) position++;
            if (start == position || !double.TryParse(text.Substring(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new FormatException($"unexpected character at offset {start}");
            }
            return value;
        }

        private static void Expect(string text, ref int position, string word)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0) throw new FormatException($"unexpected text at offset {position}");
            position += word.Length;
        }

        private static void SkipWhitespace(string text, ref int position)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
        }
    }
}
