"""Small builders shared by the QGIS tests (importable: tests/qgis/conftest.py puts this folder on sys.path)."""
import numpy as np
import shapely
from qgis.core import QgsFeature, QgsGeometry, QgsSettings, QgsVectorLayer


def memory_layer(definition, rows, name="mem"):
    """A memory layer from a provider URI ("Point?crs=EPSG:4549&field=id:string") and (wkt, attributes) rows."""
    layer = QgsVectorLayer(definition, name, "memory")
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def shapes(layer):
    """The layer's geometries as a shapely array."""
    return np.array([shapely.from_wkb(bytes(f.geometry().asWkb())) for f in layer.getFeatures()], dtype=object)


def layer_of(result, key):
    """The layer of an algorithm output (a layer or its id/URI)."""
    from qgis.core import QgsProcessingUtils

    value = result[key]
    return value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, None)


def covered_network_length(network_lines, covering_lines, tolerance=0.01):
    """Length of the network covered by ``covering_lines`` (which lie on it and may overlap and
    repeat): every covering segment is put on the network segment under its midpoint as an
    interval of that segment; overlapping intervals count once."""
    coords, idx = shapely.get_coordinates(shapely.get_parts(network_lines), return_index=True)
    same = idx[:-1] == idx[1:]
    net_seg = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
    c2, i2 = shapely.get_coordinates(shapely.get_parts(covering_lines), return_index=True)
    same2 = i2[:-1] == i2[1:]
    a, b = c2[:-1][same2], c2[1:][same2]
    keep = np.hypot(*(b - a).T) > 0
    a, b = a[keep], b[keep]
    tree = shapely.STRtree(net_seg)
    mid = shapely.points((a + b) / 2)
    which, seg = tree.query_nearest(mid, max_distance=tolerance, all_matches=False)
    assert len(which) == len(a), "a covering segment does not lie on the network"
    t0 = shapely.line_locate_point(net_seg[seg], shapely.points(a[which]))
    t1 = shapely.line_locate_point(net_seg[seg], shapely.points(b[which]))
    lo, hi = np.minimum(t0, t1), np.maximum(t0, t1)
    order = np.lexsort((lo, seg))
    seg, lo, hi = seg[order], lo[order], hi[order]
    total, i = 0.0, 0
    while i < len(seg):  # union of intervals per network segment
        j, cur_lo, cur_hi = i, lo[i], hi[i]
        while j + 1 < len(seg) and seg[j + 1] == seg[i]:
            j += 1
            if lo[j] > cur_hi:
                total += cur_hi - cur_lo
                cur_lo, cur_hi = lo[j], hi[j]
            else:
                cur_hi = max(cur_hi, hi[j])
        total += cur_hi - cur_lo
        i = j + 1
    return total


OSM_HIGHWAY = {"expressway": "motorway", "trunk": "trunk", "primary": "primary", "secondary": "secondary",
               "tertiary": "tertiary", "local": "residential"}  # the sample county's classes as OSM values
OSM_ONEWAY = {"forward": "yes", "backward": "-1"}  # both: no tag (motorways: oneway=no, else implied one-way)
# the current preset (60/50/40) for the OSM values, posted limits used as they are (factor 1)
OSM_STYLE_SPEED_TABLE = ("class,speed_kmh,factor\nmotorway,60,\ntrunk,60,\nprimary,50,\nsecondary,50,\n"
                         "tertiary,40,\nresidential,40,\n(other),40,\n(maxspeed),,1\n")


def osm_style_roads(gpkg):
    """The sample county's roads as GDAL's OSM driver would give them: osm_id, name, highway and the
    other_tags hstore ("oneway", "maxspeed" = speed_kmh, written "60" or "60 km/h" in turn)."""
    source = QgsVectorLayer(f"{gpkg}|layername=roads", "roads", "ogr")
    rows = []
    for number, feature in enumerate(source.getFeatures()):
        tags = []
        highway = OSM_HIGHWAY[feature["class"]]
        oneway = OSM_ONEWAY.get(feature["oneway"], "no" if highway == "motorway" else None)
        if oneway:
            tags.append(f'"oneway"=>"{oneway}"')
        speed = feature["speed_kmh"]
        if isinstance(speed, float):  # (NULL reads as a QVariant)
            tags.append(f'"maxspeed"=>"{speed:g}{" km/h" if number % 2 else ""}"')
        tags.append('"surface"=>"asphalt"')
        rows.append((feature.geometry().asWkt(), [str(number + 1), feature["name"], highway, ",".join(tags)]))
    return memory_layer("LineString?crs=EPSG:4549&field=osm_id:string&field=name:string&field=highway:string"
                        "&field=other_tags:string", rows, "lines")


def rasterise_population(gpkg, path, cell=100.0, field="residents"):
    """The sample county's population as a GeoTIFF of residents per ``cell`` m square (each polygon's
    residents spread by area over the cells it overlaps; cells outside every polygon are nodata)."""
    from osgeo import gdal, osr

    layer = QgsVectorLayer(f"{gpkg}|layername=population", "population", "ogr")
    polygons = shapes(layer)
    residents = np.array([f[field] for f in layer.getFeatures()], dtype=float)
    xmin, ymin, xmax, ymax = shapely.total_bounds(polygons)
    x0, y0 = np.floor(xmin / cell) * cell, np.ceil(ymax / cell) * cell
    cols, rows = int(np.ceil((xmax - x0) / cell)), int(np.ceil((y0 - ymin) / cell))
    jj, ii = np.meshgrid(np.arange(cols), np.arange(rows))
    cells = shapely.box(x0 + jj.ravel() * cell, y0 - (ii.ravel() + 1) * cell, x0 + (jj.ravel() + 1) * cell,
                        y0 - ii.ravel() * cell)
    cell_idx, poly_idx = shapely.STRtree(polygons).query(cells, predicate="intersects")
    share = shapely.area(shapely.intersection(cells[cell_idx], polygons[poly_idx])) / shapely.area(polygons[poly_idx])
    values = np.full(rows * cols, -9999.0)
    covered = np.zeros(rows * cols, dtype=bool)
    covered[cell_idx[share > 0]] = True
    values[covered] = 0.0
    np.add.at(values, cell_idx[share > 0], (share * residents[poly_idx])[share > 0])
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float64)
    dataset.SetGeoTransform((x0, cell, 0.0, y0, 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(layer.crs().authid().split(":")[1]))
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(-9999.0)
    band.WriteArray(values.reshape(rows, cols))
    dataset = None
    return str(path), float(residents.sum())


class Language:
    """Run in Chinese (the plugin's translator for zh_CN) or English."""

    def __init__(self, language):
        self.language = language

    def __enter__(self):
        from riskatlas.support import i18n

        if self.language != "zh":
            return self
        settings = QgsSettings()
        self.saved = settings.value("locale/userLocale")
        settings.setValue("locale/userLocale", "zh_CN")
        i18n.remove_translator()
        i18n.install_translator()
        return self

    def __exit__(self, *exc):
        from riskatlas.support import i18n

        if self.language == "zh":
            QgsSettings().setValue("locale/userLocale", self.saved)
            i18n.remove_translator()
        return False
