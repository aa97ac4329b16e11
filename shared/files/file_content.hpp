#pragma once
// Checks of an uploaded file shared by every place that takes files (configuration item
// documents, ticket attachments) and by the client before it sends one: the name, and the
// declared content type against what the bytes are.
#include <string>
#include <string_view>

namespace madoguchi::files {

enum class ContentCheck {
    accepted,
    unsupported_type,  // not PDF, PNG, JPEG, Office Open XML (docx/xlsx/pptx), plain text or CSV
    mismatch           // the bytes are not what the type says (text that is not UTF-8 included)
};

// "application/pdf" from "Application/PDF; charset=x": lower case, without parameters.
std::string media_type_of(std::string_view content_type);
// Checks the bytes' signature (magic) against the declared media type.
ContentCheck check_content(std::string_view media_type, std::string_view bytes);

// Empty, field.required or field.invalid_file_name (at most 200 characters, no path
// separators or control characters).
std::string file_name_problem(std::string_view file_name);

}  // namespace madoguchi::files
