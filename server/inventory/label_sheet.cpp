#include "inventory/label_sheet.hpp"

#include <cstdio>

namespace madoguchi::server::inventory {
namespace {

namespace layout = label_layout;

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

// The code's dark modules as one path, in module units inside a square scaled to code_side.
void qr_code(std::string& svg, double x, double y, const QrMatrix& matrix) {
    const int side = matrix.size + 2 * layout::quiet_modules;
    const double module = layout::code_side / side;
    append(svg, "<g class=\"qr\" transform=\"translate(", number(x), " ", number(y), ") scale(", number(module), ")\">");
    append(svg, "<rect width=\"", std::to_string(side), "\" height=\"", std::to_string(side), "\" fill=\"#fff\"/>");
    svg += "<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"";
    for (int row = 0; row < matrix.size; ++row) {
        for (int column = 0; column < matrix.size; ++column) {
            if (!matrix.is_dark(row, column)) continue;
            svg += 'M';
            svg += std::to_string(column + layout::quiet_modules);
            svg += ' ';
            svg += std::to_string(row + layout::quiet_modules);
            svg += "h1v1h-1z";
        }
    }
    svg += "\"/></g>";
}

}  // namespace

std::optional<std::string> label_sheet_svg(std::span<const LabelText> labels) {
    const int pages = layout::page_count(labels.size());
    const double height = layout::page_height * pages;
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    append(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"", number(layout::page_width), "mm\" height=\"",
           number(height), "mm\" viewBox=\"0 0 ", number(layout::page_width), " ", number(height), "\" data-pages=\"",
           std::to_string(pages), "\">\n");
    svg += "<title>資産ラベル / Asset labels</title>\n";
    svg += "<style>@page{size:A4;margin:0}text{font-family:'BIZ UDPGothic','BIZ UDGothic',sans-serif;fill:#000}"
           ".tag{font-family:'DejaVu Sans Mono',monospace;font-weight:bold}</style>\n";
    for (std::size_t index = 0; index < labels.size(); ++index) {
        const auto& label = labels[index];
        const auto matrix = qr_matrix(label.asset_tag);
        if (!matrix) return std::nullopt;
        // All pages are one tall drawing: each page starts one A4 height below the last.
        auto place = layout::place_of(index);
        place.y += place.page * layout::page_height;
        append(svg, "<g class=\"label\" data-tag=\"", escaped(label.asset_tag), "\">");
        // A hairline to cut along when the sheet is printed on plain paper.
        append(svg, "<rect x=\"", number(place.x), "\" y=\"", number(place.y), "\" width=\"", number(layout::label_width),
               "\" height=\"", number(layout::label_height), "\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"",
               number(layout::cut_line_width), "\"/>");
        qr_code(svg, place.x + layout::padding, place.y + layout::padding, *matrix);
        for (const auto& line : layout::text_lines(label, place)) {
            append(svg, "<text", line.tag ? " class=\"tag\"" : "", " x=\"", number(line.x), "\" y=\"", number(line.y),
                   "\" font-size=\"", number(line.size), "\">", escaped(line.text), "</text>");
        }
        svg += "</g>\n";
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace madoguchi::server::inventory
