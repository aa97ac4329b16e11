#include "ui/search_text.hpp"

namespace madoguchi::client {
namespace {

constexpr char32_t fullwidth_first = 0xFF01;  // ！
constexpr char32_t fullwidth_last = 0xFF5E;   // ～
constexpr char32_t fullwidth_offset = 0xFEE0;
constexpr char32_t ideographic_space = 0x3000;

// Decodes one UTF-8 sequence at `at`; malformed bytes come back as themselves, one at a time.
char32_t decode(std::string_view text, std::size_t& at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    int length = 1;
    char32_t code = byte;
    if (byte >= 0xF0) {
        length = 4;
        code = byte & 0x07U;
    } else if (byte >= 0xE0) {
        length = 3;
        code = byte & 0x0FU;
    } else if (byte >= 0xC0) {
        length = 2;
        code = byte & 0x1FU;
    }
    if (length == 1 || at + static_cast<std::size_t>(length) > text.size()) {
        ++at;
        return byte;
    }
    for (int i = 1; i < length; ++i) code = (code << 6U) | (static_cast<unsigned char>(text[at + static_cast<std::size_t>(i)]) & 0x3FU);
    at += static_cast<std::size_t>(length);
    return code;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = at;
        char32_t code = decode(text, at);
        if (code >= fullwidth_first && code <= fullwidth_last) {
            code -= fullwidth_offset;
        } else if (code == ideographic_space) {
            code = U' ';
        }
        if (code < 0x80) {
            const auto ascii = static_cast<char>(code);
            folded.push_back(ascii >= 'A' && ascii <= 'Z' ? static_cast<char>(ascii - 'A' + 'a') : ascii);
        } else {
            folded.append(text.substr(start, at - start));
        }
    }
    return folded;
}

bool contains_folded(std::string_view folded_haystack, std::string_view folded_needle) {
    return folded_haystack.find(folded_needle) != std::string_view::npos;
}

}  // namespace madoguchi::client
