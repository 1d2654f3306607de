"""Field types shared by the bibqual schemas."""

from zope.interface import implementer
from zope.schema import Float
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import WrongType


@implementer(IFloat)
class Number(Float):
    """A float field that also accepts whole numbers (``100`` as well as ``100.0``).

    JSON clients write ``"budget": 5000``; a plain ``Float`` would refuse that.
    Booleans are refused although Python counts them as integers.
    """

    _type = (float, int)

    def _validate(self, value):
        if isinstance(value, bool):
            raise WrongType(value, self._type, self.__name__).with_field_and_value(self, value)
        super()._validate(value)
