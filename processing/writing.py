"""Every output of a run whole or absent (part of ``processing.base``): the run's sinks, HTML reports, files and
folders go through one ``layers.atomic.OutputSet`` — written under temporary names beside their targets, renamed
into place when ``compute`` has finished (``_commit``), removed on any failure or cancellation (``base``'s
``processAlgorithm`` rolls back); tables added to an existing GeoPackage are dropped then. A report saying why
a run stops can be kept (``keep_on_failure``).

How a sink's rows get written is a strategy inside this one path (``_write_rows``): a layer QGIS created in a
GeoPackage file (staged, or a table of an existing one) is filled in one SQLite transaction with its R-tree
bulk-loaded (``layers.gpkg_bulk``); anything else through QGIS's feature sink. Either way the layer was created
by QGIS under the staged name and is renamed, or dropped, with the run.
"""
import os

from qgis.core import QgsProcessingOutputLayerDefinition, QgsProperty


class Writing:
    """Staging the outputs of a ``RiskAtlasAlgorithm`` run (``_outputs``: its OutputSet; ``_staged_ids``:
    sink destination ids written under temporary names -> the final ones; ``_post``: (destination id, post-processor
    to attach once the names are final, the layer's URI and ``Prepared`` rows when written in bulk))."""

    def _commit(self, results, context):
        """Rename the staged outputs into place; the results, the layers QGIS loads and their provenance
        then name the final files."""
        final = {**self._outputs.staged, **self._staged_ids}
        self._outputs.commit()
        layers = context.layersToLoadOnCompletion()
        if any(staged in layers for staged in final):
            context.setLayersToLoadOnCompletion({final.get(k, k): v for k, v in layers.items()})
        for dest_id, processor, layer_uri, prepared in self._post:
            self.attach_post_processor(context, final.get(dest_id, dest_id), processor,
                                       layer_uri=_final_uri(layer_uri, final),
                                       provenance_stored=prepared is not None and prepared.metadata_stored)
        self._post = []
        return {name: final.get(value, value) if isinstance(value, str) else value for name, value in results.items()}

    def _write_layer(self, parameters, name, context, frame, fields, wkb_type, crs, feedback, progress,
                     background=False, provenance=None):
        """Create the sink ``name`` (staged) and write every row of ``frame`` into it: in bulk when QGIS created a
        GeoPackage layer and every value converts as QGIS's sink would convert it, else through the sink.
        Returns (destination id, the layer's URI when written in bulk, the bulk fill's ``Prepared`` rows) —
        (None, None, None) when QGIS made no sink. A bulk fill stores the ``provenance`` record in the layer's
        metadata in its own transaction (``processing.provenance.output_metadata_document``).

        ``background``: a bulk fill runs in the run's writer thread (``_fill_later``) while the algorithm goes on;
        the run waits for it before its outputs are put in place or removed (``_join_writes``)."""
        from qgis.core import QgsCoordinateReferenceSystem

        from ..layers.sinks import bulk_destination, fill_destination, prepare_bulk, write_to_sink

        prepared = prepare_bulk(frame, fields)
        staged_parameters, final, destination = self._staged_sink(parameters, name, context)
        self._wait_for_file(destination)
        sink, dest_id = self.parameterAsSink(staged_parameters, name, context, fields, wkb_type,
                                             crs if crs is not None else QgsCoordinateReferenceSystem())
        if sink is None:
            return None, None, None
        if final:
            self._staged_ids[dest_id] = final
        if bulk_destination(prepared, dest_id):
            del sink  # QGIS created the (empty) layer; closed before one transaction fills it
            if provenance is not None:
                from .provenance import output_metadata_document

                prepared.metadata = output_metadata_document(provenance, crs)
            if background:
                return dest_id, self._fill_later(prepared, dest_id, fields), prepared
            return dest_id, fill_destination(prepared, dest_id, fields), prepared
        try:
            write_to_sink(frame, sink, fields, feedback, progress=progress)
        finally:
            del sink  # flushes and closes a file output (before its provenance, or before it is removed)
        return dest_id, None, None

    def _fill_later(self, prepared, dest_id, fields):
        """Fill the layer ``dest_id`` in the writer thread (one: fills of one file never overlap; only SQLite and
        numpy there, no QGIS object); returns the layer's URI as ``fill_destination`` names it. A table the bulk
        fill finds not as expected is written through QGIS, here, when the run waits for its writes."""
        from concurrent.futures import ThreadPoolExecutor

        from ..layers.gpkg_bulk import fill, geopackage_target, layer_uri
        from ..layers.sinks import fill_destination

        target = geopackage_target(dest_id)
        if target is None:  # no single layer named: as fill_destination decides, now
            return fill_destination(prepared, dest_id, fields)
        if self.__dict__.get("_writer") is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskatlas-write")
        self.__dict__.setdefault("_writes", []).append(
            (os.path.realpath(target[0]), self._writer.submit(fill, *target, prepared), (prepared, dest_id, fields)))
        return layer_uri(target)

    def _wait_for_file(self, destination):
        """Before QGIS creates a sink: wait for the writer's fills into the same GeoPackage (SQLite lets one
        connection write at a time), or for all of them when the destination names no file."""
        writes = self.__dict__.get("_writes")
        if not writes:
            return
        from ..layers.sinks import ogr_table

        text = destination if isinstance(destination, str) else ""
        table = ogr_table(text) if text.startswith("ogr:") else None
        path = table[0] if table else text.partition("|")[0]
        if not path or any(os.path.realpath(path) == written for written, _, _ in writes):
            self._join_writes()

    def _join_writes(self, raise_errors=True):
        """Wait for every background fill of the run; the first error is raised (``raise_errors``)."""
        from ..layers.gpkg_bulk import NotBulk
        from ..layers.sinks import add_through_provider

        writes, self._writes = self.__dict__.get("_writes") or [], []
        first = None
        for _, future, (prepared, dest_id, fields) in writes:
            try:
                try:
                    future.result()
                except NotBulk:  # nothing was written: through QGIS instead (unless the run is failing)
                    if raise_errors:
                        add_through_provider(prepared, dest_id, fields)
            except BaseException as error:  # noqa: B036 (re-raised below, after every fill has finished)
                first = first or error
        writer = self.__dict__.pop("_writer", None)
        if writer is not None:
            writer.shutdown(wait=True)
        if first is not None and raise_errors:
            raise first

    def _staged_sink(self, parameters, name, context):
        """(parameters with the sink ``name`` written under a temporary name, the final destination or None, the
        destination the sink will be created at)."""
        from ..layers.sinks import staged_destination

        loading = context.layersToLoadOnCompletion()
        destination = self.parameterAsOutputLayer(parameters, name, context)
        # only the destination is wanted here: parameterAsOutputLayer also registers it to load, and for a
        # temporary output that name ("memory:Reached roads") is not the layer the sink makes — QGIS then says
        # "the following layers were not correctly generated" after every dialog run; the sink registers its own
        context.setLayersToLoadOnCompletion(loading)
        staged, options, final = staged_destination(destination, self._outputs)
        if not final:
            return parameters, None, destination
        value = parameters.get(name)
        definition = (QgsProcessingOutputLayerDefinition(value) if isinstance(value, QgsProcessingOutputLayerDefinition)
                      else QgsProcessingOutputLayerDefinition(staged))
        definition.sink = QgsProperty.fromValue(staged)
        definition.createOptions = {**(definition.createOptions or {}), **options}
        return {**parameters, name: definition}, final, staged

    def keep_on_failure(self, path):
        """Put the output ``path`` (a report that says why the run stops) in place even when the run then
        fails; every other output is removed as usual."""
        self._kept.append(path)

    def final_id(self, dest_id):
        """The final destination of a sink written under a temporary name (``write_sink``'s id)."""
        return self._staged_ids.get(dest_id, dest_id)

    def _fail(self):
        """A failed run: its kept reports in place, every other output removed."""
        self._join_writes(raise_errors=False)
        if self._kept:
            self._outputs.commit(only=self._kept)
        self._outputs.rollback()

    def output_file(self, path):
        """Where to write the file output ``path`` (a temporary name beside it, renamed at the end)."""
        return self._outputs.file(path)

    def output_created(self, path):
        """A folder (or file) the outputs are written into that the run may create: removed again when the run
        fails and it was not there before."""
        self._outputs.created(path)

    def output_folder(self, path):
        """Where to fill the folder output ``path`` (a temporary folder beside it, renamed at the end)."""
        return self._outputs.folder(path)



def _final_uri(layer_uri, final):
    """A bulk-written layer's URI ('staged.gpkg|layername=t') with the file's final name."""
    if not layer_uri:
        return layer_uri
    path, bar, rest = layer_uri.partition("|")
    return final.get(path, path) + bar + rest
