#include "inventory/label_sheet.hpp"

#include <qrencode.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "text/utf8.hpp"

namespace madoguchi::server::inventory {
namespace {

// Millimetres on A4 portrait, the layout of 24-up label paper.
constexpr double page_width = 210.0;
constexpr double page_height = 297.0;
constexpr int columns = 3;
constexpr int rows = 8;
constexpr double label_width = 70.0;
constexpr double label_height = 36.0;
constexpr double top_margin = (page_height - rows * label_height) / 2;
constexpr double padding = 3.0;
constexpr double code_side = 30.0;  // the QR code with its quiet zone
constexpr int quiet_modules = 4;    // ISO/IEC 18004's quiet zone
constexpr double text_left = padding + code_side + 2.0;
constexpr std::size_t line_characters = 12;  // Japanese characters fitting beside the code

// Appends the parts in order (rather than "literal" + std::string, which GCC 12 warns on).
template <typename... Parts>
void append(std::string& out, const Parts&... parts) {
    (out.append(parts), ...);
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    std::string trimmed = text;
    while (trimmed.back() == '0') trimmed.pop_back();
    if (trimmed.back() == '.') trimmed.pop_back();
    return trimmed;
}

std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

// The text in lines of `line_characters`, at most `most` lines; a cut-off end shows "…".
std::vector<std::string> wrapped(std::string_view text, std::size_t most) {
    const auto code_points = madoguchi::text::decode_utf8(text).value_or(std::u32string());
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < code_points.size() && lines.size() < most; start += line_characters) {
        auto line = code_points.substr(start, line_characters);
        const bool last = lines.size() + 1 == most && start + line_characters < code_points.size();
        if (last) line.back() = U'…';
        lines.push_back(madoguchi::text::encode_utf8(line));
    }
    return lines;
}

void text_lines(std::string& svg, double x, double y, double size, const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        append(svg, "<text x=\"", number(x), "\" y=\"", number(y), "\" font-size=\"", number(size), "\">", escaped(line),
               "</text>");
        y += size * 1.25;
    }
}

// The code's dark modules as one path, in module units inside a square scaled to code_side.
void qr_code(std::string& svg, double x, double y, const QrMatrix& matrix) {
    const int side = matrix.size + 2 * quiet_modules;
    const double module = code_side / side;
    append(svg, "<g class=\"qr\" transform=\"translate(", number(x), " ", number(y), ") scale(", number(module), ")\">");
    append(svg, "<rect width=\"", std::to_string(side), "\" height=\"", std::to_string(side), "\" fill=\"#fff\"/>");
    svg += "<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"";
    for (int row = 0; row < matrix.size; ++row) {
        for (int column = 0; column < matrix.size; ++column) {
            if (!matrix.dark[static_cast<std::size_t>(row * matrix.size + column)]) continue;
            svg += 'M';
            svg += std::to_string(column + quiet_modules);
            svg += ' ';
            svg += std::to_string(row + quiet_modules);
            svg += "h1v1h-1z";
        }
    }
    svg += "\"/></g>";
}

}  // namespace

std::optional<QrMatrix> qr_matrix(std::string_view payload) {
    const std::string text(payload);
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return std::nullopt;
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.dark.reserve(static_cast<std::size_t>(code->width * code->width));
    for (int index = 0; index < code->width * code->width; ++index) matrix.dark.push_back((code->data[index] & 1) != 0);
    return matrix;
}

std::optional<std::string> label_sheet_svg(std::span<const LabelText> labels) {
    const int pages = std::max<int>(1, static_cast<int>((labels.size() + labels_per_page - 1) / labels_per_page));
    const double height = page_height * pages;
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    append(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"", number(page_width), "mm\" height=\"", number(height),
           "mm\" viewBox=\"0 0 ", number(page_width), " ", number(height), "\" data-pages=\"", std::to_string(pages), "\">\n");
    svg += "<title>資産ラベル / Asset labels</title>\n";
    svg += "<style>@page{size:A4;margin:0}text{font-family:'BIZ UDPGothic','BIZ UDGothic',sans-serif;fill:#000}"
           ".tag{font-family:'DejaVu Sans Mono',monospace;font-weight:bold}</style>\n";
    for (std::size_t index = 0; index < labels.size(); ++index) {
        const auto& label = labels[index];
        const auto matrix = qr_matrix(label.asset_tag);
        if (!matrix) return std::nullopt;
        const auto page = static_cast<int>(index / labels_per_page);
        const auto slot = static_cast<int>(index % labels_per_page);
        const double x = (slot % columns) * label_width;
        const double y = page * page_height + top_margin + (slot / columns) * label_height;
        append(svg, "<g class=\"label\" data-tag=\"", escaped(label.asset_tag), "\">");
        // A hairline to cut along when the sheet is printed on plain paper.
        append(svg, "<rect x=\"", number(x), "\" y=\"", number(y), "\" width=\"", number(label_width), "\" height=\"",
               number(label_height), "\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"0.1\"/>");
        qr_code(svg, x + padding, y + padding, *matrix);
        append(svg, "<text class=\"tag\" x=\"", number(x + text_left), "\" y=\"", number(y + padding + 5.0),
               "\" font-size=\"4.2\">", escaped(label.asset_tag), "</text>");
        text_lines(svg, x + text_left, y + padding + 11.0, 2.8, wrapped(label.model, 2));
        text_lines(svg, x + text_left, y + padding + 19.0, 2.6, wrapped(label.location, 3));
        svg += "</g>\n";
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace madoguchi::server::inventory
