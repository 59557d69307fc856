"""Every output of a run whole or absent (part of ``processing.base``): the run's sinks, HTML reports, files and
folders go through one ``layers.atomic.OutputSet`` — written under temporary names beside their targets, renamed
into place when ``compute`` has finished (``_commit``), removed on any failure or cancellation (``base``'s
``processAlgorithm`` rolls back); tables added to an existing GeoPackage are dropped then.
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

    def output_file(self, path):
        """Where to write the file output ``path`` (a temporary name beside it, renamed at the end)."""
        return self._outputs.file(path)

    def output_folder(self, path):
        """Where to fill the folder output ``path`` (a temporary folder beside it, renamed at the end)."""
        return self._outputs.folder(path)

