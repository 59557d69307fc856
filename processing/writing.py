"""Every output of a run whole or absent (part of ``processing.base``): the run's sinks, HTML reports, files and
folders go through one ``layers.atomic.OutputSet`` — written under temporary names beside their targets, renamed
into place when ``compute`` has finished (``_commit``), removed on any failure or cancellation (``base``'s
``processAlgorithm`` rolls back); tables added to an existing GeoPackage are dropped then. A report saying why
a run stops can be kept (``keep_on_failure``).
"""
from qgis.core import QgsProcessingOutputLayerDefinition, QgsProperty


class Writing:
    """Staging the outputs of a ``RiskAtlasAlgorithm`` run (``_outputs``: its OutputSet; ``_staged_ids``:
    sink destination ids written under temporary names -> the final ones; ``_post``: post-processors to attach
    once the names are final)."""

    def _commit(self, results, context):
        """Rename the staged outputs into place; the results, the layers QGIS loads and their provenance
        then name the final files."""
        final = {**self._outputs.staged, **self._staged_ids}
        self._outputs.commit()
        layers = context.layersToLoadOnCompletion()
        if any(staged in layers for staged in final):
            context.setLayersToLoadOnCompletion({final.get(k, k): v for k, v in layers.items()})
        for dest_id, processor in self._post:
            self.attach_post_processor(context, final.get(dest_id, dest_id), processor)
        self._post = []
        return {name: final.get(value, value) if isinstance(value, str) else value for name, value in results.items()}

    def _staged_sink(self, parameters, name, context):
        """(parameters with the sink ``name`` written under a temporary name, the final destination or None)."""
        from ..layers.sinks import staged_destination

        destination = self.parameterAsOutputLayer(parameters, name, context)
        staged, options, final = staged_destination(destination, self._outputs)
        if not final:
            return parameters, None
        value = parameters.get(name)
        definition = (QgsProcessingOutputLayerDefinition(value) if isinstance(value, QgsProcessingOutputLayerDefinition)
                      else QgsProcessingOutputLayerDefinition(staged))
        definition.sink = QgsProperty.fromValue(staged)
        definition.createOptions = {**(definition.createOptions or {}), **options}
        return {**parameters, name: definition}, final

    def keep_on_failure(self, path):
        """Put the output ``path`` (a report that says why the run stops) in place even when the run then
        fails; every other output is removed as usual."""
        self._kept.append(path)

    def final_id(self, dest_id):
        """The final destination of a sink written under a temporary name (``write_sink``'s id)."""
        return self._staged_ids.get(dest_id, dest_id)

    def _fail(self):
        """A failed run: its kept reports in place, every other output removed."""
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

