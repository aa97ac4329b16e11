#include "http/file_types.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace madoguchi::server::http {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 19> mime_types{{
    {"html", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"wasm", "application/wasm"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"webmanifest", "application/manifest+json"},
    {"txt", "text/plain; charset=utf-8"},
    {"png", "image/png"},
    {"svg", "image/svg+xml"},
    {"ico", "image/x-icon"},
    {"jpg", "image/jpeg"},
    {"webp", "image/webp"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"gz", "application/gzip"},
}};

std::string lowercase(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

std::vector<std::string_view> dot_segments(std::string_view file_name) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (true) {
        const auto dot = file_name.find('.', start);
        segments.push_back(file_name.substr(start, dot - start));
        if (dot == std::string_view::npos) return segments;
        start = dot + 1;
    }
}

bool is_hex_hash(std::string_view segment) {
    return segment.size() >= 8 &&
           std::all_of(segment.begin(), segment.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

}  // namespace

std::string_view mime_type_for(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    const auto extension = lowercase(file_name.substr(dot + 1));
    for (const auto& [known, type] : mime_types) {
        if (known == extension) return type;
    }
    return "application/octet-stream";
}

bool is_content_hashed(std::string_view file_name) {
    const auto segments = dot_segments(file_name);
    // The first segment is the base name and the last the extension; the hash sits between.
    return segments.size() >= 3 && std::any_of(segments.begin() + 1, segments.end() - 1, is_hex_hash);
}

std::string_view cache_control_for(std::string_view file_name) {
    return is_content_hashed(file_name) ? "public, max-age=31536000, immutable" : "no-cache";
}

}  // namespace madoguchi::server::http
