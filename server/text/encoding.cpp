#include "text/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "text/utf8.hpp"

namespace madoguchi::server::text {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

std::string lower(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lowered;
}

// Lines end in CRLF, LF or CR, as the CSV reader counts them.
std::size_t line_at(std::string_view bytes, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t index = 0; index < offset && index < bytes.size(); ++index) {
        if (bytes[index] == '\n' || (bytes[index] == '\r' && (index + 1 >= bytes.size() || bytes[index + 1] != '\n'))) {
            ++line;
        }
    }
    return line;
}

std::string hex_byte(char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned char>(byte));
    return text;
}

// glibc's iconv from `from` to UTF-8; on failure, the offset of the first byte it could not read.
std::variant<std::string, std::size_t> convert(std::string_view bytes, const char* from) {
    const iconv_t converter = iconv_open("UTF-8", from);
    if (converter == reinterpret_cast<iconv_t>(-1)) return std::size_t{0};
    std::string output(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    std::variant<std::string, std::size_t> result;
    while (true) {
        char* out = output.data() + written;
        std::size_t out_left = output.size() - written;
        const auto converted = iconv(converter, &in, &in_left, &out, &out_left);
        written = output.size() - out_left;
        if (converted != static_cast<std::size_t>(-1)) {
            output.resize(written);
            result = std::move(output);
            break;
        }
        if (errno == E2BIG) {
            output.resize(output.size() * 2);
            continue;
        }
        // EILSEQ (not a character) or EINVAL (cut off at the end).
        result = static_cast<std::size_t>(in - bytes.data());
        break;
    }
    iconv_close(converter);
    return result;
}

// Where the strict decoder first fails, one character at a time.
std::size_t first_invalid_utf8(std::string_view bytes) {
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[offset]);
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (offset + length > bytes.size() || !madoguchi::text::decode_utf8(bytes.substr(offset, length))) return offset;
        offset += length;
    }
    return offset;
}

DecodeError error_at(std::string_view bytes, std::size_t offset, std::string_view what) {
    const auto shown = offset < bytes.size() ? hex_byte(bytes[offset]) : std::string("the end of the file");
    return {line_at(bytes, offset), "byte " + shown + " cannot be read as " + std::string(what)};
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    const auto lowered = lower(name);
    if (lowered == "auto") return Encoding::automatic;
    if (lowered == "utf-8" || lowered == "utf8") return Encoding::utf8;
    if (lowered == "cp932" || lowered == "shift_jis" || lowered == "shift-jis" || lowered == "sjis") return Encoding::cp932;
    return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::automatic: return "auto";
        case Encoding::utf8: return "UTF-8";
        case Encoding::cp932: return "CP932";
    }
    return "auto";
}

std::variant<DecodedText, DecodeError> decode_text(std::string_view bytes, Encoding encoding) {
    const bool has_mark = bytes.starts_with(byte_order_mark);
    if (encoding == Encoding::automatic) {
        encoding = has_mark || madoguchi::text::decode_utf8(bytes) ? Encoding::utf8 : Encoding::cp932;
    }
    if (encoding == Encoding::utf8) {
        const auto body = has_mark ? bytes.substr(byte_order_mark.size()) : bytes;
        if (madoguchi::text::decode_utf8(body)) return DecodedText{std::string(body), Encoding::utf8};
        const auto skipped = has_mark ? byte_order_mark.size() : 0;
        return error_at(bytes, first_invalid_utf8(body) + skipped, "UTF-8");
    }
    auto converted = convert(bytes, "CP932");
    if (auto* offset = std::get_if<std::size_t>(&converted)) return error_at(bytes, *offset, "CP932 (Shift_JIS)");
    return DecodedText{std::move(std::get<std::string>(converted)), Encoding::cp932};
}

}  // namespace madoguchi::server::text
