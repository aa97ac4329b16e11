#include "text/csv.hpp"

namespace madoguchi::text {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

bool is_line_end(char c) { return c == '\r' || c == '\n'; }

class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {
        if (text_.starts_with(byte_order_mark)) text_.remove_prefix(byte_order_mark.size());
    }

    CsvDocument read() {
        while (position_ < text_.size()) {
            if (is_line_end(text_[position_])) {
                consume_line_end();
                continue;
            }
            read_record();
        }
        return std::move(document_);
    }

private:
    bool at_end() const { return position_ >= text_.size(); }

    // Steps over CRLF, LF or CR (one physical line end) and counts the line.
    void consume_line_end() {
        if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') ++position_;
        ++position_;
        ++line_;
    }

    void skip_rest_of_line() {
        while (!at_end() && !is_line_end(text_[position_])) ++position_;
        if (!at_end()) consume_line_end();
    }

    void fail(std::size_t line, std::string message) { document_.errors.push_back({line, std::move(message)}); }

    void read_record() {
        CsvRecord record{line_, {}};
        while (true) {
            std::string field;
            const bool read = !at_end() && text_[position_] == '"' ? read_quoted(field) : read_unquoted(field);
            if (!read) return;
            record.fields.push_back(std::move(field));
            if (at_end()) break;
            if (text_[position_] == ',') {
                ++position_;
                continue;
            }
            consume_line_end();
            break;
        }
        document_.records.push_back(std::move(record));
    }

    bool read_unquoted(std::string& field) {
        const auto start = position_;
        while (!at_end() && text_[position_] != ',' && !is_line_end(text_[position_])) {
            if (text_[position_] == '"') {
                fail(line_, "a quote inside an unquoted field (quote the whole field and double the quote)");
                skip_rest_of_line();
                return false;
            }
            ++position_;
        }
        field.assign(text_.substr(start, position_ - start));
        return true;
    }

    bool read_quoted(std::string& field) {
        const auto opening = position_;
        const auto opening_line = line_;
        ++position_;
        while (true) {
            if (at_end()) {
                // The quote swallowed the rest of the file; more likely it is one stray quote,
                // so the lines after it are read again as records of their own.
                fail(opening_line, "a quoted field is not closed");
                position_ = opening;
                line_ = opening_line;
                skip_rest_of_line();
                return false;
            }
            const char c = text_[position_];
            if (c == '"') {
                if (position_ + 1 < text_.size() && text_[position_ + 1] == '"') {
                    field += '"';
                    position_ += 2;
                    continue;
                }
                ++position_;
                break;
            }
            if (c == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') {
                field += "\r\n";
                position_ += 2;
                ++line_;
                continue;
            }
            if (is_line_end(c)) ++line_;
            field += c;
            ++position_;
        }
        if (!at_end() && text_[position_] != ',' && !is_line_end(text_[position_])) {
            fail(line_, "text after the closing quote of a field");
            skip_rest_of_line();
            return false;
        }
        return true;
    }

    std::string_view text_;
    std::size_t position_ = 0;
    std::size_t line_ = 1;
    CsvDocument document_;
};

// A run of quotes and then a formula's first character (see formula_guarded()).
bool needs_formula_guard(std::string_view value) {
    while (!value.empty() && value.front() == '\'') value.remove_prefix(1);
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

}  // namespace

CsvDocument read_csv(std::string_view text) { return Reader(text).read(); }

std::string formula_guarded(std::string_view value) {
    if (!needs_formula_guard(value)) return std::string(value);
    std::string guarded("'");
    guarded += value;
    return guarded;
}

std::string_view formula_unguarded(std::string_view cell) {
    if (cell.empty() || cell.front() != '\'' || !needs_formula_guard(cell.substr(1))) return cell;
    return cell.substr(1);
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csv_row(std::span<const std::string> fields) {
    std::string row;
    for (std::size_t index = 0; index < fields.size(); ++index) {
        if (index > 0) row += ',';
        row += csv_field(fields[index]);
    }
    row += "\r\n";
    return row;
}

}  // namespace madoguchi::text
