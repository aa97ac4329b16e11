#pragma once
// The QR code of an asset label: error correction M, the tag alone as the payload, as the
// counter scanners type it.
#include <optional>
#include <string_view>
#include <vector>

namespace madoguchi::server::inventory {

// The QR code's modules, row by row, dark = true; its side is `size` modules (no quiet zone).
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
    bool is_dark(int row, int column) const { return dark[static_cast<std::size_t>(row * size + column)]; }
};
// nullopt when libqrencode cannot encode the payload.
std::optional<QrMatrix> qr_matrix(std::string_view payload);

// A corner of the module grid: x = column, y = row, from the code's top-left (no quiet zone).
struct GridPoint {
    int x = 0;
    int y = 0;
    auto operator<=>(const GridPoint&) const = default;
};
// The outline of the dark modules as closed loops, each turning the same way (dark on the right,
// y pointing down), so that filling them with the nonzero rule gives exactly the dark area.
// Filling one outline rather than a square per module leaves no edges between neighbouring
// modules, where antialiasing rasterisers would show light seams that scanners stumble on.
std::vector<std::vector<GridPoint>> qr_outline(const QrMatrix& matrix);

}  // namespace madoguchi::server::inventory
