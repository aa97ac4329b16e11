#include "telemetry/snmp_text.hpp"

#include "text/utf8.hpp"

namespace madoguchi::telemetry {

namespace {

// Byte length of the UTF-8 sequence that starts with `lead` (1 for continuation bytes, which
// only occur here inside text already checked).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string cut_at_character(const std::string& text, std::size_t max_bytes) {
    std::size_t end = 0;
    while (end < text.size()) {
        const auto length = sequence_length(static_cast<unsigned char>(text[end]));
        if (end + length > max_bytes) break;
        end += length;
    }
    return text.substr(0, end);
}

}  // namespace

std::string snmp_text(std::string_view bytes, std::size_t max_bytes, std::vector<Oddity>& oddities) {
    // A huge string is cut before decoding (at a sequence start) so a hostile agent's
    // megabytes cost no more than a normal description.
    if (const auto limit = max_bytes * 2 + 8; bytes.size() > limit) {
        note(oddities, Oddity::text_too_long);
        auto end = limit;
        while (end > 0 && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80) --end;
        bytes = bytes.substr(0, end);
    }
    while (!bytes.empty() && (bytes.back() == '\0' || bytes.back() == ' ')) bytes.remove_suffix(1);
    std::string out;
    if (const auto code_points = text::decode_utf8(bytes)) {
        for (const char32_t code_point : *code_points)
            if (!text::is_control(code_point)) text::append_utf8(out, code_point);
    } else {
        note(oddities, Oddity::text_not_utf8);
        for (const char byte : bytes) {
            const auto value = static_cast<unsigned char>(byte);
            if (value >= 0x20 && value < 0x7F) out.push_back(byte);
            else if (value >= 0x80) out.push_back('?');
        }
    }
    if (out.size() > max_bytes) {
        note(oddities, Oddity::text_too_long);
        out = cut_at_character(out, max_bytes);
    }
    return out;
}

}  // namespace madoguchi::telemetry
