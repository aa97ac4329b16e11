#include "inventory/label_qr.hpp"

#include <qrencode.h>

#include <map>
#include <memory>
#include <string>

namespace madoguchi::server::inventory {

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

namespace {

// The unit step from one corner towards another on the same grid line.
GridPoint direction(GridPoint from, GridPoint to) {
    const auto sign = [](int value) { return (value > 0) - (value < 0); };
    return {sign(to.x - from.x), sign(to.y - from.y)};
}

}  // namespace

std::vector<std::vector<GridPoint>> qr_outline(const QrMatrix& matrix) {
    const auto dark = [&](int row, int column) {
        return row >= 0 && column >= 0 && row < matrix.size && column < matrix.size && matrix.is_dark(row, column);
    };
    // Every side of a dark module that borders light, walked clockwise around the module.
    std::multimap<GridPoint, GridPoint> edges;
    for (int row = 0; row < matrix.size; ++row) {
        for (int column = 0; column < matrix.size; ++column) {
            if (!dark(row, column)) continue;
            const GridPoint top_left{column, row}, top_right{column + 1, row};
            const GridPoint bottom_right{column + 1, row + 1}, bottom_left{column, row + 1};
            if (!dark(row - 1, column)) edges.emplace(top_left, top_right);
            if (!dark(row, column + 1)) edges.emplace(top_right, bottom_right);
            if (!dark(row + 1, column)) edges.emplace(bottom_right, bottom_left);
            if (!dark(row, column - 1)) edges.emplace(bottom_left, top_left);
        }
    }
    // Each corner has as many sides leaving as arriving, so following them always closes a loop.
    std::vector<std::vector<GridPoint>> loops;
    while (!edges.empty()) {
        std::vector<GridPoint> loop{edges.begin()->first};
        auto next = edges.begin();
        while (true) {
            const auto to = next->second;
            edges.erase(next);
            if (to == loop.front()) break;
            // A side continuing the last one's direction extends it: fewer corners to write.
            if (loop.size() >= 2 && direction(loop[loop.size() - 2], loop.back()) == direction(loop.back(), to)) {
                loop.back() = to;
            } else {
                loop.push_back(to);
            }
            next = edges.find(to);
        }
        // The first corner is the loop's leftmost-topmost, always a turn; the last may run on into it.
        if (loop.size() > 2 && direction(loop[loop.size() - 2], loop.back()) == direction(loop.back(), loop.front())) {
            loop.pop_back();
        }
        loops.push_back(std::move(loop));
    }
    return loops;
}

}  // namespace madoguchi::server::inventory
