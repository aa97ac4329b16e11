#include "files/file_content.hpp"

#include <algorithm>
#include <array>

#include "text/utf8.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::files {
namespace {

constexpr std::array office_types{
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

bool is_office_type(std::string_view media_type) {
    return std::find(office_types.begin(), office_types.end(), media_type) != office_types.end();
}

// An Office Open XML file is a ZIP archive naming its parts in [Content_Types].xml; a plain
// ZIP of other files is not a document.
bool is_office_file(std::string_view bytes) {
    return bytes.starts_with(std::string_view("PK\x03\x04", 4)) && bytes.find("[Content_Types].xml") != std::string_view::npos;
}

bool is_utf8_text(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto decoded = text::decode_utf8(bytes);
    return decoded && std::none_of(decoded->begin(), decoded->end(), [](char32_t c) { return c == 0; });
}

}  // namespace

std::string media_type_of(std::string_view content_type) {
    const auto end = content_type.find(';');
    auto type = content_type.substr(0, end);
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
    std::string lowered(type);
    for (auto& c : lowered) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lowered;
}

ContentCheck check_content(std::string_view media_type, std::string_view bytes) {
    bool matches = false;
    if (media_type == "application/pdf") {
        matches = bytes.starts_with("%PDF-");
    } else if (media_type == "image/png") {
        matches = bytes.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8));
    } else if (media_type == "image/jpeg") {
        matches = bytes.starts_with("\xFF\xD8\xFF");
    } else if (is_office_type(media_type)) {
        matches = is_office_file(bytes);
    } else if (media_type == "text/plain" || media_type == "text/csv") {
        matches = is_utf8_text(bytes);
    } else {
        return ContentCheck::unsupported_type;
    }
    return matches ? ContentCheck::accepted : ContentCheck::mismatch;
}

std::string file_name_problem(std::string_view file_name) {
    auto problem = validation::text_problem(file_name, 200, true);
    if (problem.empty() && file_name.find_first_of("/\\") != std::string_view::npos) return "field.invalid_file_name";
    if (problem.empty() || problem == "field.required") return problem;
    return "field.invalid_file_name";
}

}  // namespace madoguchi::files
